using Procedures.Common;

namespace Procedures.Catalogue;

/// <summary>One fee rule's part of a quote; <paramref name="Note"/> explains amounts set elsewhere (per decision).</summary>
public sealed record FeeLine(string Name, FeeKind Kind, decimal Amount, string? Note);

/// <summary>
/// What a dossier costs. <paramref name="HasAmountsPerDecision"/> says the total leaves out fees that the clerk
/// enters at reception from the province's decision.
/// </summary>
public sealed record FeeQuote(decimal Total, IReadOnlyList<FeeLine> Lines, bool HasAmountsPerDecision);

/// <summary>Computes the fees (phí, lệ phí) of a procedure from the number of pages and copies handed in.</summary>
public static class FeeCalculator
{
    public static DomainResult<FeeQuote> Calculate(Procedure procedure, int pages = 1, int copies = 1) => Calculate(procedure.Fees, pages, copies);

    /// <summary>The rules in force on <paramref name="day"/>: what the counter charges and the portal shows that day.</summary>
    public static IReadOnlyList<Fee> InForce(IReadOnlyList<Fee> fees, DateOnly day) => [.. fees.Where(f => f.InForceOn(day))];

    /// <summary>
    /// The quote for the rules given (pass <see cref="InForce"/> for a day's rules). An applicant of
    /// <paramref name="applicantCategory"/> pays each rule's amount less the reduction that rule grants the category.
    /// </summary>
    public static DomainResult<FeeQuote> Calculate(IReadOnlyList<Fee> fees, int pages = 1, int copies = 1, string? applicantCategory = null)
    {
        if (copies < 1)
            return DomainError.Invalid("copies", "bad-copies", "Số bản phải từ 1 trở lên.", "Copies must be at least 1.");
        if (pages < 1 && fees.Any(f => f.Kind == FeeKind.PerPage))
            return DomainError.Invalid("pages", "bad-pages", "Số trang phải từ 1 trở lên.", "Pages must be at least 1.");

        var lines = fees.Select(f => new FeeLine(f.Name, f.Kind, Reduced(f, Amount(f, pages, copies), applicantCategory), f.Kind == FeeKind.PerDecision
            ? f.Note ?? "Theo quyết định của cơ quan có thẩm quyền" : f.Note)).ToList();
        return new FeeQuote(lines.Sum(l => l.Amount), lines, fees.Any(f => f.Kind == FeeKind.PerDecision));
    }

    private static decimal Reduced(Fee fee, decimal amount, string? category)
    {
        var exemption = category is null ? null : fee.Exemptions?.FirstOrDefault(e =>
            string.Equals(e.ApplicantCategory.Trim(), category.Trim(), StringComparison.OrdinalIgnoreCase));
        return exemption is null ? amount : Math.Round(amount * (100 - exemption.ReductionPercent) / 100m, 0, MidpointRounding.AwayFromZero);
    }

    private static decimal Amount(Fee fee, int pages, int copies) => fee.Kind switch
    {
        FeeKind.Fixed => fee.Amount,
        FeeKind.PerCopy => fee.Amount * copies,
        FeeKind.PerPage => PerCopyByPages(fee, pages) * copies,
        _ => 0m, // Free; PerDecision is entered at reception
    };

    // Certified copies (Thông tư 226/2016/TT-BTC): 2,000 đ for each of pages 1–2, 1,000 đ from page 3, at most 200,000 đ a copy.
    private static decimal PerCopyByPages(Fee fee, int pages)
    {
        var first = Math.Min(pages, fee.FirstPages);
        var amount = first * fee.Amount + (pages - first) * fee.NextPageAmount;
        return fee.MaxPerCopy is { } cap ? Math.Min(amount, cap) : amount;
    }
}
