using Procedures.Dossiers;

namespace Procedures.Samples;

/// <summary>The use cases a sample dossier goes through, plus the timer poller's work.</summary>
internal enum MoveKind
{
    Counter, SubmitOnline, CheckOnline, WithdrawSubmission, RequestSupplement, ReceiveSupplement, Assign, Submit, Consult, Reply,
    Approve, Sign, Return, Refuse, Withdraw, Apologise, FireTimers, Step,
}

/// <summary>
/// One use case of a sample dossier's history, by <see cref="Actor"/>. It happens after the previous one either by
/// <see cref="Weight"/> (a share of the dossier's processing time, in working time) or by <see cref="Fixed"/> calendar time.
/// </summary>
internal sealed record SampleMove(MoveKind Kind, string Actor)
{
    public decimal Weight { get; init; } = 1;
    public TimeSpan? Fixed { get; init; }
    public IReadOnlyDictionary<string, string>? Fields { get; init; }
    public ReceptionDecision Decision { get; init; } = ReceptionDecision.Accept;
    /// <summary>Counter: the last required document is missing (the supplement brings it).</summary>
    public bool Partial { get; init; }
    public string? Specialist { get; init; }
    public string? Action { get; init; }
    public string? StepId { get; init; }
    public string? Text { get; init; }
    public IReadOnlyList<string>? MissingItems { get; init; }
    /// <summary>Land: the public posting ends this many days after the appraisal.</summary>
    public int? PostingDays { get; init; }
    public DateOnly? NewAppointmentDate { get; init; }
    public string? DelayUnit { get; init; }

    public static SampleMove Assign(string head, string specialist, decimal weight) =>
        new(MoveKind.Assign, head) { Specialist = specialist, Weight = weight, Text = "Đề nghị thẩm định, báo cáo đúng hạn" };

    public static SampleMove Submit(string specialist, decimal weight, params (string Name, string Value)[] fields) =>
        new(MoveKind.Submit, specialist) { Weight = weight, Fields = Map(fields), Text = "Hồ sơ đầy đủ, hợp lệ, đủ điều kiện giải quyết" };

    public static SampleMove Consult(string specialist, decimal weight, string action, params (string Name, string Value)[] fields) =>
        new(MoveKind.Consult, specialist) { Weight = weight, Action = action, Fields = Map(fields), Text = "Đề nghị phối hợp xác minh" };

    public static SampleMove Reply(string officer, decimal weight, params (string Name, string Value)[] fields) =>
        new(MoveKind.Reply, officer) { Weight = weight, Fields = Map(fields), Text = "Đã xử lý theo đề nghị phối hợp" };

    public static SampleMove Approve(string head, decimal weight) => new(MoveKind.Approve, head) { Weight = weight, Text = "Đồng ý, trình ký" };

    /// <summary>A library step no dedicated use case takes (<see cref="Dossiers.CompleteStep"/>): <see cref="Action"/> at <see cref="Step"/>.</summary>
    public static SampleMove Complete(string actor, decimal weight, string step, string action, string? text = null,
        params (string Name, string Value)[] fields) =>
        new(MoveKind.Step, actor) { Weight = weight, StepId = step, Action = action, Text = text, Fields = fields.Length == 0 ? null : Map(fields) };

    public static SampleMove Sign(string signer, decimal weight) => new(MoveKind.Sign, signer) { Weight = weight };

    /// <summary>The citizen collects the result: not processing time, so it has no weight (the plan gives it its own delay).</summary>
    public static SampleMove Return(string clerk, params (string Name, string Value)[] fields) =>
        new(MoveKind.Return, clerk) { Weight = 0, Fields = fields.Length == 0 ? null : Map(fields) };

    public static SampleMove FireTimers(TimeSpan after) => new(MoveKind.FireTimers, "engine") { Fixed = after, Weight = 0 };

    private static Dictionary<string, string> Map((string Name, string Value)[] fields) => fields.ToDictionary(f => f.Name, f => f.Value);
}
