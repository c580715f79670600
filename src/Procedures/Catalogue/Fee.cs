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
/// pages 1–2, 1,000 đ per page from page 3, at most 200,000 đ per copy. A rule is in force from
/// <see cref="EffectiveFrom"/> to <see cref="EffectiveTo"/> (both inclusive, open when null), so a new rate can be
/// entered before the day it applies; two rules of one name never overlap.
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
    /// <summary>First day (Vietnam calendar) the rule applies; null for "since always".</summary>
    public DateOnly? EffectiveFrom { get; init; }
    /// <summary>Last day the rule applies; null while no end is decided.</summary>
    public DateOnly? EffectiveTo { get; init; }
    /// <summary>Who pays nothing or less, each with the text that grants it.</summary>
    public IReadOnlyList<FeeExemption>? Exemptions { get; init; }

    public bool InForceOn(DateOnly day) => (EffectiveFrom is not { } from || from <= day) && (EffectiveTo is not { } to || day <= to);

    /// <summary>Whether the periods of two rules share at least one day.</summary>
    public bool Overlaps(Fee other) =>
        (EffectiveFrom ?? DateOnly.MinValue) <= (other.EffectiveTo ?? DateOnly.MaxValue) &&
        (other.EffectiveFrom ?? DateOnly.MinValue) <= (EffectiveTo ?? DateOnly.MaxValue);
}

/// <summary>
/// An exemption or reduction (miễn, giảm) of a fee for a category of applicants, e.g. "Người có công với cách mạng",
/// 100 % under Điều 5 Thông tư 85/2019/TT-BTC. <see cref="ReductionPercent"/> 100 means exempt.
/// </summary>
public sealed record FeeExemption(string ApplicantCategory, int ReductionPercent, string LegalBasis);
