using Procedures.Catalogue;
using Procedures.Common;

namespace Procedures.Dossiers;

/// <summary>
/// The fees and charges of one dossier from the procedure's fee rules: fixed, per copy, or per page in two tiers
/// with a cap per copy (certified copies: 2,000 đ for pages 1–2, 1,000 đ after, at most 200,000 đ per copy).
/// A fee set by decision has no rule to compute: the clerk enters it.
/// </summary>
public static class FeeCalculator
{
    public static DomainResult<decimal> Compute(IReadOnlyList<Fee> fees, int? copies, int? pages, decimal? byDecision = null)
    {
        var n = copies ?? 1;
        if (n < 1)
            return DomainError.Invalid("copies", "invalid-copies", "Số bản phải từ 1 trở lên.", "Copies must be 1 or more.");
        if (byDecision < 0)
            return DomainError.Invalid("feeByDecision", "invalid-fee", "Mức phí không được âm.", "A fee cannot be negative.");
        var total = 0m;
        foreach (var fee in fees)
        {
            switch (fee.Kind)
            {
                case FeeKind.Fixed: total += fee.Amount; break;
                case FeeKind.PerCopy: total += fee.Amount * n; break;
                case FeeKind.PerDecision: total += byDecision ?? 0; break;
                case FeeKind.PerPage:
                    if (pages is not > 0)
                        return DomainError.Invalid("pages", "pages-required", "Cần nhập số trang để tính phí.", "The number of pages is needed to compute the fee.");
                    var first = Math.Min(pages.Value, fee.FirstPages);
                    var perCopy = first * fee.Amount + (pages.Value - first) * fee.NextPageAmount;
                    if (fee.MaxPerCopy is { } cap) perCopy = Math.Min(perCopy, cap);
                    total += perCopy * n;
                    break;
            }
        }
        return total;
    }
}
