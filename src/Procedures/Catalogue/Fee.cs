namespace Procedures.Catalogue;

public enum FeeKind
{
    /// <summary>No fee.</summary>
    Free,
    /// <summary>A fixed amount per dossier.</summary>
    Fixed,
    /// <summary>An amount per copy.</summary>
    PerCopy,
    /// <summary>Tiered per page: the first pages at one rate, the rest at another, capped per copy.</summary>
    PerPage,
    /// <summary>Set by a decision of the province (shown as text; entered at reception).</summary>
    PerDecision,
}

/// <summary>
/// A fee or charge (phí, lệ phí) rule. Per-page example (certification of copies): 2,000 đ per page for
/// pages 1–2, 1,000 đ per page from page 3, at most 200,000 đ per copy.
/// </summary>
public sealed record Fee
{
    public string Name { get; init; } = "";
    public FeeKind Kind { get; init; }
    /// <summary>Fixed amount, amount per copy, or the per-page rate of the first pages (đồng).</summary>
    public decimal Amount { get; init; }
    /// <summary>Per-page: how many pages are charged at <see cref="Amount"/>.</summary>
    public int FirstPages { get; init; }
    /// <summary>Per-page: rate of each page after <see cref="FirstPages"/>.</summary>
    public decimal NextPageAmount { get; init; }
    /// <summary>Per-page: cap per copy; null when uncapped.</summary>
    public decimal? MaxPerCopy { get; init; }
    public string? Note { get; init; }
}
