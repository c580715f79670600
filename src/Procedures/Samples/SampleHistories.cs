using Procedures.Dossiers;

namespace Procedures.Samples;

/// <summary>The use cases that take a sample dossier to its target: reception, part or all of the main path, and the exceptional move.</summary>
internal static class SampleHistories
{
    private static readonly string[] RefusedAtReception =
    [
        "Yêu cầu không thuộc thẩm quyền giải quyết của đơn vị", "Người nộp hồ sơ không xuất trình được giấy tờ tùy thân còn hiệu lực",
        "Nơi cư trú của người yêu cầu không thuộc địa bàn", "Giấy tờ nộp kèm có dấu hiệu tẩy xóa, sửa chữa",
    ];

    private static readonly string[] RefusedInProcessing =
    [
        "Không đủ điều kiện theo quy định của pháp luật", "Thông tin kê khai không khớp với Cơ sở dữ liệu quốc gia về dân cư",
        "Kết quả xác minh không đủ căn cứ giải quyết", "Đối tượng không thuộc trường hợp được giải quyết",
    ];

    private static readonly string[] Withdrawals =
    [
        "Công dân đề nghị rút hồ sơ để bổ sung thông tin", "Người nộp hồ sơ không còn nhu cầu giải quyết", "Công dân chuyển nơi cư trú, đề nghị rút hồ sơ",
    ];

    private static readonly string[] MissingItems =
    [
        "Bản sao giấy tờ chứng minh chỗ ở hợp pháp", "Văn bản ủy quyền có chứng thực", "Bản chụp giấy tờ tùy thân còn hiệu lực",
        "Tờ khai ghi đầy đủ thông tin theo mẫu", "Bản vẽ có chữ ký của người lập",
    ];

    private static readonly string[] Delays =
    [
        "Cần thêm thời gian xác minh thực địa", "Chờ kết quả phối hợp của cơ quan liên quan", "Hệ thống cơ sở dữ liệu chuyên ngành bị gián đoạn",
        "Công chức được phân công nghỉ ốm đột xuất",
    ];

    /// <summary>The moves, the index of the one opening the consultation the target is about, and the weight of the whole main path.</summary>
    public static (List<SampleMove> Moves, int? ConsultationAt, decimal Weight) Moves(SampleRoute route, SampleTarget target, SampleStaff s, bool online, Random rng)
    {
        var verification = route.Workflow == "judicial-record-certificate" && target is SampleTarget.ConsultationPending or SampleTarget.ConsultationLate;
        var main = verification ? route.VerificationPath(s) : route.MainPath(s, rng);
        var atProcess = main.TakeWhile(m => m.Kind == MoveKind.Assign).Count();
        var atSign = main.TakeWhile(m => m.Kind != MoveKind.Sign).Count();
        var submit = new SampleMove(MoveKind.SubmitOnline, "citizen") { Weight = 0 };
        List<SampleMove> received = online
            ? [submit, new SampleMove(MoveKind.CheckOnline, s.Clerk) { Weight = 0 }]
            : [new SampleMove(MoveKind.Counter, s.Clerk)];
        List<SampleMove> moves = target switch
        {
            SampleTarget.Registered => [submit],
            SampleTarget.WithdrawnOnline => [submit, new(MoveKind.WithdrawSubmission, "citizen") { Fixed = TimeSpan.FromHours(rng.Next(2, 40)), Text = Pick(rng, Withdrawals) }],
            SampleTarget.NotAcceptedOnline => [submit, new(MoveKind.CheckOnline, s.Clerk) { Decision = ReceptionDecision.Refuse, Text = Pick(rng, RefusedAtReception) }],
            SampleTarget.NotAccepted => [new(MoveKind.Counter, s.Clerk) { Decision = ReceptionDecision.Refuse, Text = Pick(rng, RefusedAtReception) }],
            SampleTarget.SupplementAtReception => online
                ? [submit, new(MoveKind.CheckOnline, s.Clerk) { Decision = ReceptionDecision.RequestSupplement, MissingItems = [Pick(rng, MissingItems)] }]
                : [new(MoveKind.Counter, s.Clerk) { Decision = ReceptionDecision.RequestSupplement, Partial = true }],
            SampleTarget.SupplementInProcessing => [.. received, .. main.Take(atProcess),
                new(MoveKind.RequestSupplement, s.Specialist) { Weight = 0.5m, MissingItems = [Pick(rng, MissingItems)], Text = "Hồ sơ chưa đầy đủ theo quy định" }],
            SampleTarget.SupplementCompleted => [new(MoveKind.Counter, s.Clerk) { Decision = ReceptionDecision.RequestSupplement, Partial = true },
                new(MoveKind.ReceiveSupplement, s.Clerk) { Fixed = TimeSpan.FromDays(rng.Next(1, 6)) }, .. main],
            SampleTarget.Accepted => received,
            SampleTarget.InProgress => [.. received, .. main.Take(rng.Next(1, main.Count - 1))],
            SampleTarget.Finished => [.. received, .. main.Take(main.Count - 1)],
            SampleTarget.Stopped => route.SignRefuses && rng.Next(3) == 0
                ? [.. received, .. main.Take(atSign), new(MoveKind.Refuse, s.Signer) { Text = Pick(rng, RefusedInProcessing) }]
                : [.. received, .. main.Take(atProcess), new(MoveKind.Refuse, s.Specialist) { Weight = 1, Text = Pick(rng, RefusedInProcessing) }],
            SampleTarget.Withdrawn => rng.Next(2) == 0
                ? [.. received, .. main.Take(atProcess), new(MoveKind.Withdraw, s.Specialist) { Weight = 0.5m, Text = Pick(rng, Withdrawals) }]
                : [.. received, .. main.Take(atProcess + 1), new(MoveKind.Withdraw, s.Clerk) { Weight = 0.5m, Text = Pick(rng, Withdrawals) }],
            SampleTarget.Overdue => [.. received, .. main.Take(rng.Next(0, main.Count - 1))],
            SampleTarget.OverdueAfterApology or SampleTarget.Apologised => [.. received, .. main.Take(rng.Next(0, main.Count - 2)),
                new(MoveKind.Apologise, s.Leader) { Text = Pick(rng, Delays), DelayUnit = s.ProcessingUnitCode }],
            SampleTarget.ConsultationPending or SampleTarget.ConsultationLate => [.. received, .. main.Take(route.ConsultationOpensAt!.Value + 1)],
            _ => [.. received, .. main], // Returned, ReturnedLate
        };
        int? consultationAt = route.ConsultationOpensAt is { } opens && target is SampleTarget.ConsultationPending or SampleTarget.ConsultationLate
            ? received.Count + opens : null;
        return (moves, consultationAt, main.Sum(m => m.Weight));
    }

    private static string Pick(Random rng, string[] items) => SampleApplicants.Pick(rng, items);
}
