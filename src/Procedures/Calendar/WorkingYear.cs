namespace Procedures.Calendar;

/// <summary>
/// One Gregorian year's working days, precomputed so that counting and stepping over working days is array
/// look-ups: rank of a day (working days before it) and the day of a rank.
/// </summary>
internal sealed class WorkingYear
{
    private readonly DateOnly _firstDay;
    private readonly int _firstDayNumber;
    private readonly ushort[] _rankBefore; // [i] = working days among day-of-year indexes 0..i-1
    private readonly ushort[] _workingDays; // day-of-year indexes of the working days, ascending

    private WorkingYear(int year, IReadOnlyList<Holiday> holidays, HashSet<DateOnly> madeWorking)
    {
        Year = year;
        Holidays = holidays;
        _firstDay = new DateOnly(year, 1, 1);
        _firstDayNumber = _firstDay.DayNumber;
        var length = DateTime.IsLeapYear(year) ? 366 : 365;
        var off = holidays.Select(h => h.Date).ToHashSet();
        _rankBefore = new ushort[length + 1];
        var working = new List<ushort>(262);
        for (var i = 0; i < length; i++)
        {
            var day = _firstDay.AddDays(i);
            var isWorking = madeWorking.Contains(day) || !(HolidayRules.IsWeekend(day) || off.Contains(day));
            if (isWorking) working.Add((ushort)i);
            _rankBefore[i + 1] = (ushort)working.Count;
        }
        _workingDays = [.. working];
    }

    public int Year { get; }

    /// <summary>Effective days off of the year (defaults after overrides), in date order.</summary>
    public IReadOnlyList<Holiday> Holidays { get; }

    public int WorkingDayCount => _workingDays.Length;

    public bool IsWorking(DateOnly date)
    {
        var index = date.DayNumber - _firstDayNumber; // cheaper than DayOfYear, which recomputes the calendar date
        return _rankBefore[index + 1] != _rankBefore[index];
    }

    /// <summary>Working days of this year strictly before <paramref name="date"/>; also the rank of the first working day on or after it.</summary>
    public int RankOf(DateOnly date) => _rankBefore[date.DayNumber - _firstDayNumber];

    public DateOnly WorkingDayAt(int rank) => _firstDay.AddDays(_workingDays[rank]);

    /// <summary>Applies the year's overrides to the default holidays; the last override for a date wins.</summary>
    public static WorkingYear Build(int year, int? cultureDayFromYear, IEnumerable<CalendarOverride> overrides)
    {
        var byDate = new Dictionary<DateOnly, CalendarOverride>();
        foreach (var o in overrides) byDate[o.Date] = o;

        var holidays = HolidayRules.For(year, cultureDayFromYear)
            .Where(h => !byDate.TryGetValue(h.Date, out var o) || o.Kind == CalendarOverrideKind.DayOff)
            .Concat(byDate.Values.Where(o => o.Kind == CalendarOverrideKind.DayOff)
                .Select(o => new Holiday(o.Date, o.Name, HolidayKind.DayOff)))
            .OrderBy(h => h.Date).ThenBy(h => h.Kind)
            .ToArray();
        var madeWorking = byDate.Values.Where(o => o.Kind == CalendarOverrideKind.WorkingDay).Select(o => o.Date).ToHashSet();
        return new WorkingYear(year, holidays, madeWorking);
    }
}
