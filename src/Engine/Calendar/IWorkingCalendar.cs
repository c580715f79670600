using Engine.Definitions;

namespace Engine.Calendar;

/// <summary>
/// Turns working-time budgets into instants. The engine computes every due time through this seam;
/// the product plugs in its national calendar (holidays, make-up working days, office hours, cut-off).
/// </summary>
public interface IWorkingCalendar
{
    /// <summary>The instant at which <paramref name="amount"/> of working time has elapsed after <paramref name="start"/>.</summary>
    /// <param name="unitId">Unit whose office hours apply; null for the default.</param>
    DateTimeOffset Add(DateTimeOffset start, WorkingTime amount, string? unitId = null);

    /// <summary>Working time elapsed between two instants, in working hours (negative when <paramref name="to"/> is earlier).</summary>
    decimal WorkingHoursBetween(DateTimeOffset from, DateTimeOffset to, string? unitId = null);

    /// <summary>Whether the instant falls inside office hours of a working day.</summary>
    bool IsWorkingTime(DateTimeOffset instant, string? unitId = null);
}
