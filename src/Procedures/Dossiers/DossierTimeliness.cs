using Engine.Definitions;
using Procedures.Calendar;

namespace Procedures.Dossiers;

/// <summary>
/// Early, on time or late (Form 05, and the on-time rate of the service index). Late: done after the due time.
/// Early: done at least <see cref="DossierSettings.EarlyMargin"/> (one working day) before it, measured on the
/// unit's working calendar so a weekend between does not make a hand-off "early". On time: anything in between.
/// </summary>
public static class DossierTimeliness
{
    public static Timeliness? Judge(VietnameseCalendar calendar, DateTimeOffset at, DateTimeOffset? due, WorkingTime earlyMargin, string? unitId = null)
    {
        if (due is not { } deadline) return null;
        if (at > deadline) return Timeliness.Late;
        return calendar.Add(at, earlyMargin, unitId) <= deadline ? Timeliness.Early : Timeliness.OnTime;
    }
}
