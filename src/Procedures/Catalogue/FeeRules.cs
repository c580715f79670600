using Procedures.Common;
using Procedures.Organisation;

namespace Procedures.Catalogue;

/// <summary>
/// What makes a procedure's fees acceptable: amounts not negative and fitting their kind, periods ordered and not overlapping
/// for one fee, exemptions naming who, how much and by which text. Every problem is returned, each naming its field
/// (<c>fees[1].effectiveTo</c>), so a form shows them all at once; the use cases take the first.
/// </summary>
public static class FeeRules
{
    public static IReadOnlyList<DomainError> Check(IReadOnlyList<Fee>? fees)
    {
        if (fees is null || fees.Count == 0)
            return [Invalid("fees", "no-fees", "Ghi rõ phí, lệ phí (hoặc miễn phí).", "State the fees (or that it is free).")];
        var problems = new List<DomainError>();
        for (var i = 0; i < fees.Count; i++) problems.AddRange(CheckOne(fees, i));
        return problems;
    }

    private static IEnumerable<DomainError> CheckOne(IReadOnlyList<Fee> fees, int i)
    {
        var f = fees[i];
        var field = $"fees[{i}]";
        DomainError Bad(string part, string vi, string en) => Invalid($"{field}.{part}", "bad-fee", vi, en);
        if (FieldRules.Required($"{field}.name", f.Name, 300, "tên khoản phí") is { } noName) yield return noName;
        if (!Enum.IsDefined(f.Kind)) yield return Bad("kind", "Loại phí không hợp lệ.", "Unknown fee kind.");
        if (f.Amount < 0) yield return Bad("amount", "Số tiền không được âm.", "The amount cannot be negative.");
        else if (AmountProblem(f) is { } amount) yield return Bad("amount", amount.Vi, amount.En);
        if (f.NextPageAmount < 0) yield return Bad("nextPageAmount", "Mức thu trang tiếp theo không được âm.", "The further-page rate cannot be negative.");
        if (f.FirstPages < 0) yield return Bad("firstPages", "Số trang tính mức đầu không được âm.", "The number of first pages cannot be negative.");
        if (f.MaxPerCopy is < 0) yield return Bad("maxPerCopy", "Mức thu tối đa không được âm.", "The cap cannot be negative.");
        else if (f.Kind == FeeKind.PerPage && f.MaxPerCopy is { } cap && cap < f.Amount)
            yield return Bad("maxPerCopy", "Mức thu tối đa mỗi bản nhỏ hơn giá một trang.", "The cap per copy is below the price of one page.");
        if (f.Kind == FeeKind.PerDecision && string.IsNullOrWhiteSpace(f.Note))
            yield return Bad("note", "Ghi rõ văn bản quy định mức phí.", "Name the decision that sets the fee.");
        if (f.EffectiveFrom is { } from && f.EffectiveTo is { } to && to < from)
            yield return Invalid($"{field}.effectiveTo", "bad-period", "Ngày hết hiệu lực phải từ ngày có hiệu lực trở đi.", "The end date cannot be before the start date.");
        else if (Earlier(fees, i, other => Same(other.Name, f.Name) && other.Overlaps(f)) is { } twin)
            yield return Invalid($"{field}.effectiveFrom", "overlapping-period",
                $"Thời gian hiệu lực trùng với khoản phí thứ {twin + 1} cùng tên.", $"The period overlaps fee {twin + 1} of the same name.");
        if (f.Kind == FeeKind.Free && fees.Where((other, k) => k != i && other.Overlaps(f)).Any())
            yield return Invalid("fees", "free-and-charged", "Thủ tục miễn phí không thể có thêm khoản phí khác trong cùng thời gian.",
                "A free procedure cannot have other fees in force at the same time.");
        var exemptions = f.Exemptions ?? [];
        for (var j = 0; j < exemptions.Count; j++)
            foreach (var problem in CheckExemption(exemptions, j, $"{field}.exemptions[{j}]")) yield return problem;
    }

    private static IEnumerable<DomainError> CheckExemption(IReadOnlyList<FeeExemption> exemptions, int j, string field)
    {
        var e = exemptions[j];
        if (FieldRules.Required($"{field}.applicantCategory", e.ApplicantCategory, 200, "đối tượng miễn, giảm") is { } noWho) yield return noWho;
        else if (exemptions.Take(j).Any(other => Same(other.ApplicantCategory, e.ApplicantCategory)))
            yield return Invalid($"{field}.applicantCategory", "duplicate-exemption", "Đối tượng này đã được ghi miễn, giảm.", "This category is already listed.");
        if (e.ReductionPercent is < 1 or > 100)
            yield return Invalid($"{field}.reductionPercent", "bad-reduction", "Mức giảm từ 1 đến 100 % (100 % là miễn).", "The reduction is 1 to 100 % (100 % exempts).");
        if (FieldRules.Required($"{field}.legalBasis", e.LegalBasis, 500, "căn cứ miễn, giảm") is { } noBasis) yield return noBasis;
    }

    private static (string Vi, string En)? AmountProblem(Fee f) => f.Kind switch
    {
        FeeKind.Free or FeeKind.PerDecision when f.Amount != 0 || f.NextPageAmount != 0 || f.MaxPerCopy is not null =>
            ("Miễn phí hoặc theo quyết định thì không ghi số tiền.", "Free and per-decision fees carry no amount."),
        FeeKind.Fixed or FeeKind.PerCopy when f.Amount <= 0 || f.NextPageAmount != 0 || f.MaxPerCopy is not null =>
            ("Số tiền phải lớn hơn 0.", "The amount must be above 0."),
        FeeKind.PerPage when f.Amount <= 0 => ("Mức thu theo trang phải lớn hơn 0.", "Per-page rates must be positive."),
        _ => null,
    };

    private static int? Earlier(IReadOnlyList<Fee> fees, int before, Func<Fee, bool> match)
    {
        for (var k = 0; k < before; k++) if (match(fees[k])) return k;
        return null;
    }

    private static bool Same(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static DomainError Invalid(string field, string code, string vi, string en) => DomainError.Invalid(field, code, vi, en);
}
