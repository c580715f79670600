namespace Procedures.Calendar;

/// <summary>
/// A unit's office periods as ticks of the day, for arithmetic on "office time elapsed since the day opened"
/// (0 at opening, <see cref="Length"/> at closing).
/// </summary>
internal sealed class DaySchedule
{
    private readonly long[] _from;
    private readonly long[] _to;
    private readonly long[] _elapsedBefore;

    public DaySchedule(OfficeHours hours)
    {
        var count = hours.Periods.Count;
        (_from, _to, _elapsedBefore) = (new long[count], new long[count], new long[count]);
        long elapsed = 0;
        for (var i = 0; i < count; i++)
        {
            _from[i] = hours.Periods[i].From.Ticks;
            _to[i] = hours.Periods[i].To.Ticks;
            _elapsedBefore[i] = elapsed;
            elapsed += _to[i] - _from[i];
        }
        Length = elapsed;
        Closes = hours.Closes;
        Opens = hours.Opens;
    }

    /// <summary>Office time of one working day, in ticks.</summary>
    public long Length { get; }

    public TimeOnly Opens { get; }

    public TimeOnly Closes { get; }

    /// <summary>Office time elapsed on a working day at a time of day (before opening 0, after closing <see cref="Length"/>).</summary>
    public long ElapsedAt(long tickOfDay)
    {
        for (var i = 0; i < _from.Length; i++)
            if (tickOfDay < _to[i]) return _elapsedBefore[i] + Math.Max(0, tickOfDay - _from[i]);
        return Length;
    }

    /// <summary>
    /// The time of day at which <paramref name="elapsed"/> (0 &lt; elapsed ≤ Length) of office time has passed. A
    /// boundary between periods resolves to the end of the earlier period (11:30, not 13:30).
    /// </summary>
    public long TickOfDayAt(long elapsed)
    {
        for (var i = 0; i < _from.Length; i++)
            if (elapsed <= _elapsedBefore[i] + (_to[i] - _from[i])) return _from[i] + (elapsed - _elapsedBefore[i]);
        return _to[^1];
    }

    public bool IsOpen(long tickOfDay)
    {
        for (var i = 0; i < _from.Length; i++)
            if (tickOfDay >= _from[i] && tickOfDay < _to[i]) return true;
        return false;
    }
}
