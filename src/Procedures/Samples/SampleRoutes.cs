using System.Globalization;
using Engine.Definitions;
using Procedures.Dossiers;
using static Procedures.Samples.SampleProvince;

namespace Procedures.Samples;

/// <summary>Which officials handle a sample procedure: the office of the commune (or the commune police, or the provincial police) that processes it.</summary>
internal enum SampleOffice { CivilStatus, Economy, Police, ProvincialPolice }

/// <summary>The officials of one dossier: where it is received and by whom it is processed, reviewed and signed.</summary>
internal sealed record SampleStaff(
    string Shop, string Clerk, string Commune, string? ProcessingUnit, string Head, string Specialist, string Signer, string Leader,
    string Police, string PoliceOfficer)
{
    /// <summary>The unit that processes the dossier (for an apology's delaying unit).</summary>
    public string ProcessingUnitCode => ProcessingUnit ?? Commune;

    public static SampleStaff For(SampleOffice office, bool hamYen, Random rng)
    {
        var (p, commune, shop, police) = hamYen ? ("hy", HamYen, HamYenShop, HamYenPolice) : ("ys", YenSon, YenSonShop, YenSonPolice);
        var signer = rng.Next(4) == 0 ? "deputy" : "leader";
        return office switch
        {
            SampleOffice.CivilStatus => new(shop, $"{p}.clerk", commune, null, $"{p}.section-head", $"{p}.specialist{rng.Next(1, 3)}", $"{p}.{signer}",
                $"{p}.leader", police, $"{p}.police.officer"),
            SampleOffice.Economy => new(shop, $"{p}.clerk", commune, null, $"{p}.economy.section-head", $"{p}.economy.specialist", $"{p}.{signer}",
                $"{p}.leader", police, $"{p}.police.officer"),
            SampleOffice.Police => new(shop, $"{p}.clerk", commune, police, $"{p}.police.section-head", $"{p}.police.officer", $"{p}.police.leader",
                $"{p}.police.leader", police, $"{p}.police.officer"),
            _ => new(ProvincialPoliceShop, "ca.clerk", ProvincialPolice, null, "ca.section-head", $"ca.specialist{rng.Next(1, 3)}", $"ca.{signer}",
                "ca.leader", police, $"{p}.police.officer"),
        };
    }
}

/// <summary>
/// What the generator knows of each procedure of the library: its office, whether the citizen can be asked for a
/// supplement and the leader can sign a refusal, the workflow inputs, and the main path after reception as use cases.
/// The consulted step, when there is one, is opened by the move at <see cref="ConsultationOpensAt"/> and has <see cref="ConsultationBudget"/>.
/// </summary>
internal sealed record SampleRoute(string Workflow, SampleOffice Office, bool Supplements = true, bool SignRefuses = true,
    int? ConsultationOpensAt = null, WorkingTime? ConsultationBudget = null)
{
    public IReadOnlyDictionary<string, string>? Inputs(SampleStaff s, ApplicantData applicant, Random rng, Func<string, Guid> unit) => Workflow switch
    {
        "birth-registration" => new Dictionary<string, string> { ["childName"] = SampleApplicants.ChildName(rng, applicant) },
        "child-birth-residence-health-insurance" => new Dictionary<string, string>
        {
            ["policeUnit"] = unit(s.Police).ToString(), ["socialInsuranceUnit"] = unit(SocialInsurance).ToString(),
            ["childName"] = SampleApplicants.ChildName(rng, applicant),
        },
        "judicial-record-certificate" => new Dictionary<string, string> { ["policeUnit"] = unit(s.Police).ToString(), ["certificateType"] = "Phiếu số 1" },
        "land-use-certificate-first-issue" => new Dictionary<string, string>
        {
            ["taxUnit"] = unit(TaxOffice).ToString(), ["issuingUnit"] = unit(s.Commune).ToString(),
            ["landRegistrationUnit"] = unit(LandRegistrationOffice).ToString(),
            ["parcel"] = $"Thửa đất số {rng.Next(10, 400)}, tờ bản đồ số {rng.Next(1, 40)}",
        },
        "business-line-change" => new Dictionary<string, string>
        {
            ["householdBusinessNumber"] = $"08{(s.Commune == YenSon ? 'A' : 'B')}80{rng.Next(10_000, 99_999)}",
        },
        "household-business-registration" => new Dictionary<string, string> { ["businessName"] = applicant.OrganisationName ?? applicant.FullName },
        "construction-permit-house" => new Dictionary<string, string> { ["siteAddress"] = applicant.Address ?? "" },
        "permanent-residence-registration" or "temporary-residence-registration" => new Dictionary<string, string> { ["address"] = applicant.Address ?? "" },
        _ => null,
    };

    /// <summary>The moves after reception to the archive, each weighted by the share of the processing time spent before it.</summary>
    public IReadOnlyList<SampleMove> MainPath(SampleStaff s, Random rng)
    {
        var number = rng.Next(1, 999).ToString(CultureInfo.InvariantCulture);
        return Workflow switch
        {
            "birth-registration" => Folded(s, ("personalId", PersonalId(rng))),
            "death-registration" or "marriage-registration" => Folded(s),
            "marital-status-certificate" =>
            [
                SampleMove.Submit(s.Specialist, 3, ("maritalStatus", "Chưa đăng ký kết hôn với ai")),
                SampleMove.Sign(s.Signer, 1),
                SampleMove.Complete(s.Clerk, 0.5m, "await-payment", "confirm-payment", "Đã nộp lệ phí trực tuyến",
                    ("paymentReference", $"DVCQG-2026-{number}")),
                SampleMove.Return(s.Clerk),
            ],
            "civil-status-extract-copy" => Folded(s, ("registerReference", $"Sổ đăng ký hộ tịch năm {rng.Next(1995, 2025)}, quyển 01, số {number}")),
            "certified-copy" => Folded(s, ("certificationNumber", $"{number}/2026/SCBS")),
            "signature-certification" => Folded(s, ("certificationNumber", $"{number}/2026/CT-CK")),
            "child-birth-residence-health-insurance" =>
            [
                SampleMove.Submit(s.Specialist, 1, ("personalId", PersonalId(rng))),
                SampleMove.Reply("bhxh.officer", 2, ("healthInsuranceCardNumber", $"TE1080{rng.Next(10_000_000, 99_999_999)}")),
                SampleMove.Reply(s.PoliceOfficer, 1, ("residenceResult", "registered")),
                SampleMove.Complete(s.Signer, 0.5m, "sign-birth-certificate", "sign", "Ký Giấy khai sinh"),
                SampleMove.Return(s.Clerk),
            ],
            "permanent-residence-registration" => Standard(s, ("residenceBasis", "owned-home")),
            "temporary-residence-registration" => Standard(s, ("stayUntil", "2027-12-31")),
            "household-business-registration" => Standard(s, ("registrationNumber", $"08{(s.Commune == YenSon ? 'A' : 'B')}80{rng.Next(10_000, 99_999)}")),
            "business-line-change" => Standard(s, ("businessLines", "Bán lẻ lương thực, thực phẩm, đồ uống (4711)")),
            "construction-permit-house" => Standard(s, ("siteInspectionMinutes", "Biên bản kiểm tra hiện trạng khu đất"),
                ("appraisalReport", "Đủ điều kiện cấp giấy phép xây dựng")),
            "land-use-certificate-first-issue" =>
            [
                SampleMove.Assign(s.Head, s.Specialist, 0.5m),
                SampleMove.Submit(s.Specialist, 5) with { PostingDays = 15 },
                SampleMove.FireTimers(TimeSpan.FromDays(15).Add(TimeSpan.FromMinutes(5))),
                SampleMove.Reply("tax.officer", 4, ("taxNoticeNumber", $"TB-{number}/2026"), ("financialObligation", (rng.Next(20, 400) * 100_000).ToString(CultureInfo.InvariantCulture))),
                SampleMove.Complete("vpdk.specialist", 1, "update-cadastre", "done", "Đã cập nhật hồ sơ địa chính, in Giấy chứng nhận",
                    ("certificateSerial", $"DA {rng.Next(100_000, 999_999)}")),
                SampleMove.Approve(s.Head, 1),
                SampleMove.Sign(s.Signer, 2),
                SampleMove.Return(s.Clerk, ("paymentReference", $"GNT-2026-{number}")),
            ],
            _ => Standard(s), // judicial-record-certificate
        };
    }

    /// <summary>The judicial record with the police verification: assignment, request, the police reply, then the compilation.</summary>
    public IReadOnlyList<SampleMove> VerificationPath(SampleStaff s) =>
    [
        SampleMove.Assign(s.Head, s.Specialist, 0.5m),
        SampleMove.Consult(s.Specialist, 1, "request-verification", ("verificationRequest", "Đề nghị xác minh thông tin án tích")),
        SampleMove.Reply(s.PoliceOfficer, 5, ("verificationResult", "Không có án tích")),
        SampleMove.Complete(s.Specialist, 1, "compile", "submit", "Tổng hợp kết quả xác minh, dự thảo Phiếu lý lịch tư pháp"),
        SampleMove.Approve(s.Head, 0.5m),
        SampleMove.Sign(s.Signer, 1),
        SampleMove.Return(s.Clerk),
    ];

    private static IReadOnlyList<SampleMove> Folded(SampleStaff s, params (string, string)[] fields) =>
        [SampleMove.Submit(s.Specialist, 3, fields), SampleMove.Sign(s.Signer, 1), SampleMove.Return(s.Clerk)];

    private static IReadOnlyList<SampleMove> Standard(SampleStaff s, params (string, string)[] fields) =>
        [SampleMove.Assign(s.Head, s.Specialist, 0.5m), SampleMove.Submit(s.Specialist, 5, fields), SampleMove.Approve(s.Head, 1),
            SampleMove.Sign(s.Signer, 1), SampleMove.Return(s.Clerk)];

    private static string PersonalId(Random rng) => $"0082{rng.Next(24, 27)}{rng.Next(0, 1_000_000):000000}";

    public static IReadOnlyList<SampleRoute> All { get; } =
    [
        new("birth-registration", SampleOffice.CivilStatus),
        new("death-registration", SampleOffice.CivilStatus),
        new("marriage-registration", SampleOffice.CivilStatus),
        new("marital-status-certificate", SampleOffice.CivilStatus),
        new("civil-status-extract-copy", SampleOffice.CivilStatus, SignRefuses: false),
        new("certified-copy", SampleOffice.CivilStatus, Supplements: false, SignRefuses: false),
        new("signature-certification", SampleOffice.CivilStatus, Supplements: false, SignRefuses: false),
        new("child-birth-residence-health-insurance", SampleOffice.CivilStatus, SignRefuses: false, ConsultationOpensAt: 0,
            ConsultationBudget: WorkingTime.Days(2)),
        new("permanent-residence-registration", SampleOffice.Police),
        new("temporary-residence-registration", SampleOffice.Police),
        new("household-business-registration", SampleOffice.Economy),
        new("business-line-change", SampleOffice.Economy),
        new("construction-permit-house", SampleOffice.Economy),
        new("land-use-certificate-first-issue", SampleOffice.Economy, ConsultationOpensAt: 2, ConsultationBudget: WorkingTime.Days(5)),
        new("judicial-record-certificate", SampleOffice.ProvincialPolice, ConsultationOpensAt: 1, ConsultationBudget: WorkingTime.Days(5)),
    ];
}
