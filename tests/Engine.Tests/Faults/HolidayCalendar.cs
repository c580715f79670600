using Engine.Calendar;
using Engine.Definitions;

namespace Engine.Tests.Faults;

/// <summary>The default weekday calendar (UTC+7, 08:00–12:00 and 13:00–17:00) with holidays that a test can add, as an administrator would.</summary>
public sealed class HolidayCalendar : IWorkingCalendar
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(7);
    private static readonly (TimeSpan From, TimeSpan To)[] Periods = [(TimeSpan.FromHours(8), TimeSpan.FromHours(12)), (TimeSpan.FromHours(13), TimeSpan.FromHours(17))];
    public HashSet<DateOnly> Holidays { get; } = [];

    public DateTimeOffset Add(DateTimeOffset start, WorkingTime amount, string? unitId = null)
    {
        var remaining = TimeSpan.FromHours((double)amount.TotalHours);
        var local = start.ToOffset(Offset);
        if (remaining <= TimeSpan.Zero) return local;
        while (true)
        {
            foreach (var (from, to) in PeriodsOf(local.Date))
            {
                if (local >= to) continue;
                var begin = local > from ? local : from;
                if (to - begin >= remaining) return begin + remaining;
                remaining -= to - begin;
                local = to;
            }
            local = new DateTimeOffset(local.Date.AddDays(1), Offset);
        }
    }

    public decimal WorkingHoursBetween(DateTimeOffset from, DateTimeOffset to, string? unitId = null) => throw new NotSupportedException();

    public bool IsWorkingTime(DateTimeOffset instant, string? unitId = null) => PeriodsOf(instant.ToOffset(Offset).Date).Any(p => instant >= p.From && instant < p.To);

    private IEnumerable<(DateTimeOffset From, DateTimeOffset To)> PeriodsOf(DateTime date)
    {
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || Holidays.Contains(DateOnly.FromDateTime(date))) yield break;
        foreach (var (from, to) in Periods) yield return (new DateTimeOffset(date + from, Offset), new DateTimeOffset(date + to, Offset));
    }
}
