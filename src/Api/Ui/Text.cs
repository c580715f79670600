using Procedures.Calendar;
using Procedures.Catalogue;
using Procedures.Common;
using Procedures.Dossiers;

namespace Api.Ui;

/// <summary>Domain values as the UI writes them, in its language; the domain's own bilingual texts where it has them.</summary>
public static class Text
{
    private static string Pick(string vi, string en) => UiServices.IsEnglish ? en : vi;

    public static string? Error(DomainError? error) => error is null ? null : Pick(error.MessageVi, error.MessageEn);

    public static string Status(DossierStatus status) => UiServices.IsEnglish ? status.English() : status.Vietnamese();

    public static string TimeLimit(LegalTimeLimit limit) => limit.Kind switch
    {
        LegalTimeLimitKind.SameDay => Pick("Trong ngày", "Same day"),
        LegalTimeLimitKind.WorkingHours => Pick($"{limit.Amount:0.##} giờ làm việc", $"{limit.Amount:0.##} working hours"),
        _ => Pick($"{limit.Amount:0.##} ngày làm việc", $"{limit.Amount:0.##} working days"),
    };

    public static string Timeliness(Timeliness? t) => t switch
    {
        Procedures.Dossiers.Timeliness.Early => Pick("Trước hạn", "Early"),
        Procedures.Dossiers.Timeliness.OnTime => Pick("Đúng hạn", "On time"),
        Procedures.Dossiers.Timeliness.Late => Pick("Quá hạn", "Late"),
        _ => "",
    };

    public static string Channel(Channel c) => c switch
    {
        Procedures.Catalogue.Channel.Counter => Pick("Trực tiếp", "At the counter"),
        Procedures.Catalogue.Channel.Online => Pick("Trực tuyến", "Online"),
        _ => Pick("Bưu chính", "By post"),
    };

    public static string Form(DocumentForm f) => f switch
    {
        DocumentForm.Original => Pick("Bản chính", "Original"),
        DocumentForm.Copy => Pick("Bản sao", "Copy"),
        DocumentForm.CertifiedCopy => Pick("Bản sao chứng thực", "Certified copy"),
        _ => Pick("Bản chính để đối chiếu", "Original for inspection"),
    };

    public static string Fee(Fee fee) => fee.Kind switch
    {
        FeeKind.Free => Pick("Miễn phí", "Free"),
        FeeKind.Fixed => Fmt.Money(fee.Amount),
        FeeKind.PerCopy => Pick($"{Fmt.Money(fee.Amount)} / bản", $"{Fmt.Money(fee.Amount)} per copy"),
        FeeKind.PerPage => Pick($"{Fmt.Money(fee.Amount)} / trang (trang 1–{fee.FirstPages}), {Fmt.Money(fee.NextPageAmount)} / trang tiếp theo",
            $"{Fmt.Money(fee.Amount)} per page (pages 1–{fee.FirstPages}), {Fmt.Money(fee.NextPageAmount)} per further page")
            + (fee.MaxPerCopy is { } cap ? Pick($", tối đa {Fmt.Money(cap)} / bản", $", at most {Fmt.Money(cap)} per copy") : ""),
        _ => Pick("Theo quyết định của cơ quan có thẩm quyền", "Set by decision"),
    };

    /// <summary>A procedure's fees in force as one line: each fee's name, amount and who pays less (with the text that grants it).</summary>
    public static string Fees(IReadOnlyList<Fee> fees) => fees.Count == 0 ? Pick("Miễn phí", "Free") : string.Join("; ", fees.Select(f =>
        $"{f.Name}: {Fee(f)}" + (f.Exemptions is { Count: > 0 } list ? $" ({string.Join("; ", list.Select(Exemption))})" : "")));

    public static string Exemption(FeeExemption e) => (e.ReductionPercent >= 100
        ? Pick($"miễn cho {e.ApplicantCategory}", $"waived for {e.ApplicantCategory}")
        : Pick($"giảm {e.ReductionPercent} % cho {e.ApplicantCategory}", $"{e.ReductionPercent} % off for {e.ApplicantCategory}")) + $" — {e.LegalBasis}";

    /// <summary>The level a procedure is carried out at (catalogue code <c>commune</c>, <c>department</c>, <c>province</c>, ...).</summary>
    public static string Level(string level) => level switch
    {
        "commune" => Pick("Cấp xã", "Commune level"),
        "district" => Pick("Cấp huyện", "District level"),
        "department" => Pick("Cấp tỉnh (sở, ngành)", "Province level (department)"),
        "province" => Pick("Cấp tỉnh", "Province level"),
        "central" or "ministry" => Pick("Cấp trung ương", "Central level"),
        _ => level,
    };

    /// <summary>A citizen's rating grade (Decision 766/QĐ-TTg bands).</summary>
    public static string Grade(Procedures.Citizens.RatingGrade grade) => grade switch
    {
        Procedures.Citizens.RatingGrade.Excellent => Pick("Xuất sắc", "Excellent"),
        Procedures.Citizens.RatingGrade.Good => Pick("Tốt", "Good"),
        Procedures.Citizens.RatingGrade.Fair => Pick("Khá", "Fair"),
        Procedures.Citizens.RatingGrade.Average => Pick("Trung bình", "Average"),
        _ => Pick("Yếu", "Weak"),
    };

    /// <summary>A unit type's name in the UI's language; its code only when the type is unknown.</summary>
    public static string UnitType(string code, IEnumerable<Procedures.Organisation.UnitTypeView> types) =>
        types.FirstOrDefault(t => t.Code == code) is { } type ? UiServices.IsEnglish ? type.NameEn ?? type.Name : type.Name : code;
}
