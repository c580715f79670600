using Engine.Definitions;

namespace Procedures.Dossiers;

/// <summary>
/// The dossier rules that are local choices or unverified readings of the decree (⚠ in DOMAIN.md): they are
/// settings so an agency can change them without a release.
/// </summary>
public sealed record DossierSettings
{
    // The supplement window, the citizen's deadline and the number of requests are per procedure, stored in the database:
    // see Procedures.Catalogue.SupplementPolicies. The apology notice, the supplement reminder, the online check and the
    // due-soon window are the agency's, stored in the database too: see DossierRules.

    /// <summary>A hand-off at least this much working time before its due time counts as early.</summary>
    public WorkingTime EarlyMargin { get; init; } = WorkingTime.Days(1);

    /// <summary>
    /// The latest new appointment an apology may set, in calendar days after the current appointment ⚠. The decree
    /// names no bound; one year keeps a typing slip (2199 for 2026) from parking a dossier for ever, and the calendar is
    /// only computed to 2199.
    /// </summary>
    public int ApologyMaxPostponementDays { get; init; } = 365;
}
