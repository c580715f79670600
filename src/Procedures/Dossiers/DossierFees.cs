using Procedures.Catalogue;
using Procedures.Common;

namespace Procedures.Dossiers;

/// <summary>
/// A dossier's fees: the catalogue's <see cref="FeeCalculator"/> over the pages and copies handed in, plus the
/// amount the clerk enters for fees set by decision. Per-page fees need the number of pages. The rules are those in force on
/// the day the dossier was submitted (Vietnam calendar): what the citizen read on the portal, and at the counter the day of reception.
/// </summary>
public static class DossierFees
{
    public static DomainResult<decimal> Compute(IReadOnlyList<Fee> allFees, DateOnly submittedOn, int? copies, int? pages, decimal? byDecision = null)
    {
        var fees = FeeCalculator.InForce(allFees, submittedOn);
        if (byDecision < 0)
            return DomainError.Invalid("feeByDecision", "invalid-fee", "Mức phí không được âm.", "A fee cannot be negative.");
        if (pages is not > 0 && fees.Any(f => f.Kind == FeeKind.PerPage))
            return DomainError.Invalid("pages", "pages-required", "Cần nhập số trang để tính phí.", "The number of pages is needed to compute the fee.");
        var quote = FeeCalculator.Calculate(fees, pages ?? 1, copies ?? 1);
        if (!quote.Succeeded) return quote.Error!;
        return quote.Value!.Total + (quote.Value.HasAmountsPerDecision ? byDecision ?? 0 : 0);
    }
}
