using Engine.Definitions;

namespace Procedures.Dossiers;

/// <summary>
/// The dossier rules that are local choices or unverified readings of the decree (⚠ in DOMAIN.md): they are
/// settings so an agency can change them without a release.
/// </summary>
public sealed record DossierSettings
{
    // The supplement window, the citizen's deadline and the number of requests are per procedure, stored in the database:
    // see Procedures.Catalogue.SupplementPolicies.

    /// <summary>The citizen is reminded once when the supplement deadline is this much working time away (a local choice).</summary>
    public WorkingTime SupplementReminder { get; init; } = WorkingTime.Days(2);

    /// <summary>Open dossiers and work items this close to their due time are listed as due soon.</summary>
    public WorkingTime DueSoon { get; init; } = WorkingTime.Days(1);

    /// <summary>A hand-off at least this much working time before its due time counts as early.</summary>
    public WorkingTime EarlyMargin { get; init; } = WorkingTime.Days(1);

    /// <summary>An apology is expected at least this much working time before the appointment (Form 04).</summary>
    public WorkingTime ApologyNotice { get; init; } = WorkingTime.Days(1);

    /// <summary>
    /// The latest new appointment an apology may set, in calendar days after the current appointment ⚠. The decree
    /// names no bound; one year keeps a typing slip (2199 for 2026) from parking a dossier for ever, and the calendar is
    /// only computed to 2199.
    /// </summary>
    public int ApologyMaxPostponementDays { get; init; } = 365;

    /// <summary>
    /// The one-stop shop checks an online submission (receives it or asks for a supplement) within this many working days ⚠;
    /// the citizen's confirmation page promises it. A local service commitment: the decrees set no general figure.
    /// </summary>
    public WorkingTime OnlineCheck { get; init; } = WorkingTime.Days(1);
}
