namespace Procedures.Calendar;

/// <summary>
/// Working days across years: each year's table is built on first use and cached for the life of the calendar.
/// Lock-free: two threads may build the same year at once, one result is kept, and both are identical.
/// </summary>
internal sealed class WorkingDayIndex(int? cultureDayFromYear, IReadOnlyList<CalendarOverride> overrides)
{
    private readonly ILookup<int, CalendarOverride> _overridesByYear = overrides.ToLookup(o => o.Date.Year);
    private readonly WorkingYear?[] _years = new WorkingYear?[LunarCalendar.MaxYear - LunarCalendar.MinYear + 1];

    public WorkingYear Year(int year)
    {
        if (year is < LunarCalendar.MinYear or > LunarCalendar.MaxYear)
            throw new ArgumentOutOfRangeException(nameof(year), year,
                $"The working calendar covers {LunarCalendar.MinYear}–{LunarCalendar.MaxYear}.");
        ref var slot = ref _years[year - LunarCalendar.MinYear];
        var table = Volatile.Read(ref slot);
        if (table is not null) return table;
        table = WorkingYear.Build(year, cultureDayFromYear, _overridesByYear[year]);
        return Interlocked.CompareExchange(ref slot, table, null) ?? table;
    }

    public bool IsWorking(DateOnly date) => Year(date.Year).IsWorking(date);

    /// <summary>The first working day on or after <paramref name="date"/>.</summary>
    public DateOnly OnOrAfter(DateOnly date)
    {
        var table = Year(date.Year);
        var rank = table.RankOf(date);
        while (rank >= table.WorkingDayCount)
        {
            table = Year(table.Year + 1);
            rank = 0;
        }
        return table.WorkingDayAt(rank);
    }

    /// <summary>The working day <paramref name="count"/> working days after <paramref name="workingDay"/> (before, when negative).</summary>
    public DateOnly Move(DateOnly workingDay, long count)
    {
        var table = Year(workingDay.Year);
        var rank = table.RankOf(workingDay) + count;
        while (rank >= table.WorkingDayCount)
        {
            rank -= table.WorkingDayCount;
            table = Year(table.Year + 1);
        }
        while (rank < 0)
        {
            table = Year(table.Year - 1);
            rank += table.WorkingDayCount;
        }
        return table.WorkingDayAt((int)rank);
    }

    /// <summary>Working days in [<paramref name="from"/>, <paramref name="to"/>); negative when <paramref name="to"/> is earlier.</summary>
    public long Between(DateOnly from, DateOnly to)
    {
        if (to < from) return -Between(to, from);
        var first = Year(from.Year);
        if (from.Year == to.Year) return Year(to.Year).RankOf(to) - first.RankOf(from);
        long count = first.WorkingDayCount - first.RankOf(from);
        for (var year = from.Year + 1; year < to.Year; year++) count += Year(year).WorkingDayCount;
        return count + Year(to.Year).RankOf(to);
    }
}
