using Engine.Definitions;

namespace Engine.Calendar;

/// <summary>
/// The engine's default calendar: Monday to Friday, two office-hour periods a day, in one fixed UTC
/// offset, no holidays. One working day is <see cref="WorkingTime.HoursPerDay"/> hours of office time.
/// </summary>
public sealed class WeekdayCalendar(TimeSpan utcOffset, params (TimeOnly From, TimeOnly To)[] periods) : IWorkingCalendar
{
    private readonly (TimeOnly From, TimeOnly To)[] _periods = periods.Length > 0
        ? periods
        : [(new TimeOnly(8, 0), new TimeOnly(12, 0)), (new TimeOnly(13, 0), new TimeOnly(17, 0))];

    /// <summary>UTC+7, 08:00–12:00 and 13:00–17:00.</summary>
    public static WeekdayCalendar Default { get; } = new(TimeSpan.FromHours(7));

    public DateTimeOffset Add(DateTimeOffset start, WorkingTime amount, string? unitId = null)
    {
        var remaining = TimeSpan.FromHours((double)amount.TotalHours);
        var local = start.ToOffset(utcOffset);
        if (remaining <= TimeSpan.Zero) return local;
        for (var guard = 0; guard < 100_000; guard++)
        {
            foreach (var (from, to) in PeriodsOf(local.Date))
            {
                if (local >= to) continue;
                var begin = local > from ? local : from;
                var available = to - begin;
                if (available >= remaining) return begin + remaining;
                remaining -= available;
                local = to;
            }
            local = new DateTimeOffset(local.Date.AddDays(1), utcOffset);
        }
        throw new InvalidOperationException("Working time could not be added: calendar has no working periods.");
    }

    public decimal WorkingHoursBetween(DateTimeOffset from, DateTimeOffset to, string? unitId = null)
    {
        if (to < from) return -WorkingHoursBetween(to, from, unitId);
        var a = from.ToOffset(utcOffset);
        var b = to.ToOffset(utcOffset);
        var total = TimeSpan.Zero;
        for (var day = a.Date; day <= b.Date; day = day.AddDays(1))
            foreach (var (pFrom, pTo) in PeriodsOf(day))
            {
                var s = pFrom > a ? pFrom : a;
                var e = pTo < b ? pTo : b;
                if (e > s) total += e - s;
            }
        return (decimal)total.TotalHours;
    }

    public bool IsWorkingTime(DateTimeOffset instant, string? unitId = null)
    {
        var local = instant.ToOffset(utcOffset);
        return PeriodsOf(local.Date).Any(p => local >= p.From && local < p.To);
    }

    private IEnumerable<(DateTimeOffset From, DateTimeOffset To)> PeriodsOf(DateTime date)
    {
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) yield break;
        foreach (var (from, to) in _periods)
            yield return (new DateTimeOffset(date + from.ToTimeSpan(), utcOffset), new DateTimeOffset(date + to.ToTimeSpan(), utcOffset));
    }
}
