using Procedures.Calendar;

namespace Benchmarks.Calendar;

/// <summary>
/// The obvious implementation, as a baseline: walk day by day, asking a hash set whether each day is off, and
/// walk office periods one by one. Same answers as <see cref="VietnameseCalendar"/> for starts inside office hours.
/// </summary>
internal sealed class NaiveCalendar(IEnumerable<DateOnly> daysOff)
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private readonly HashSet<DateOnly> _daysOff = [.. daysOff];
    private readonly OfficePeriod[] _periods = [.. OfficeHours.Default.Periods];

    private bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_daysOff.Contains(day);

    public DateTimeOffset AddDays(DateTimeOffset start, int days)
    {
        var day = DateOnly.FromDateTime(start.DateTime);
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
        }
        return new DateTimeOffset(day.ToDateTime(TimeOnly.FromDateTime(start.DateTime)), Vietnam);
    }

    public DateTimeOffset AddHours(DateTimeOffset start, decimal hours)
    {
        var remaining = TimeSpan.FromHours((double)hours);
        var day = DateOnly.FromDateTime(start.DateTime);
        var at = start;
        while (true)
        {
            if (IsWorkingDay(day))
                foreach (var period in _periods)
                {
                    var (open, close) = (At(day, period.From), At(day, period.To));
                    if (at >= close) continue;
                    var begin = at > open ? at : open;
                    if (close - begin >= remaining) return begin + remaining;
                    remaining -= close - begin;
                    at = close;
                }
            day = day.AddDays(1);
        }
    }

    public decimal WorkingHoursBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(from.DateTime); day <= DateOnly.FromDateTime(to.DateTime); day = day.AddDays(1))
        {
            if (!IsWorkingDay(day)) continue;
            foreach (var period in _periods)
            {
                var (open, close) = (At(day, period.From), At(day, period.To));
                var overlap = (close < to ? close : to) - (open > from ? open : from);
                if (overlap > TimeSpan.Zero) total += overlap;
            }
        }
        return (decimal)total.TotalHours;
    }

    private static DateTimeOffset At(DateOnly day, TimeOnly time) => new(day.ToDateTime(time), Vietnam);
}
