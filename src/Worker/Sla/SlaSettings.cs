using Engine.Definitions;
using Microsoft.Extensions.Configuration;

namespace Worker.Sla;

/// <summary>
/// The <c>Sla</c> section. Every length is working time on the Vietnamese calendar (<c>1d</c>, <c>4h</c>), never wall-clock days.
/// </summary>
public sealed record SlaSettings
{
    public const string Section = "Sla";

    /// <summary>Due soon when this much working time is left (or less, see <see cref="DueSoonFraction"/>).</summary>
    public string DueSoonLead { get; init; } = "1d";
    /// <summary>
    /// For steps shorter than the lead: due soon when this share of the step's budget is left. The later of the two
    /// moments wins, so a 4-hour step is not "due soon" the minute it opens.
    /// </summary>
    public decimal DueSoonFraction { get; init; } = 0.25m;
    /// <summary>Overdue work goes to the section head at once, and to the unit leader after this much more working time.</summary>
    public string EscalateToUnitLeaderAfter { get; init; } = "1d";
    /// <summary>The apology (Form 04) must be issued at least this many working days before the appointment date; the reminder fires on that day.</summary>
    public int ApologyWorkingDaysBefore { get; init; } = 1;
    /// <summary>Subjects (work items or dossiers) read and alerted per transaction, in due order, at most.</summary>
    public int BatchSize { get; init; } = 500;
    /// <summary>
    /// The longest a slice of a sweep runs: it starts no page that would take it past this (judged by the last page), and pages
    /// are made smaller until one takes at most a quarter of it. A burst is drained in slices, one after the other.
    /// </summary>
    public TimeSpan SliceBudget { get; init; } = TimeSpan.FromMilliseconds(800);
    /// <summary>A sweep stops starting slices after this long and leaves the rest to the next sweep (keep it under the cron's interval).</summary>
    public TimeSpan DrainWithin { get; init; } = TimeSpan.FromMinutes(4);
    /// <summary>Hangfire cron of the sweep, in Vietnam time.</summary>
    public string SweepCron { get; init; } = "*/5 * * * *";
    /// <summary>Hangfire cron of the daily e-mail digest, in Vietnam time; it skips days off.</summary>
    public string DigestCron { get; init; } = "0 7 * * *";

    public WorkingTime Lead => WorkingTime.Parse(DueSoonLead);
    public WorkingTime Escalation => WorkingTime.Parse(EscalateToUnitLeaderAfter);

    public static SlaSettings From(IConfiguration config) => config.GetSection(Section).Get<SlaSettings>() ?? new SlaSettings();
}
