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
        // The morning session is the periods that start before noon; with none, or nothing after them, halve the office day.
        var morning = hours.Periods.Where(p => p.From < Noon).Aggregate(0L, (sum, p) => sum + p.Length.Ticks);
        Morning = morning > 0 && morning < Length ? morning : Length / 2;
    }

    private static readonly TimeOnly Noon = new(12, 0);

    /// <summary>Office time of the morning session (buổi sáng), in ticks: 4 h of 07:30–11:30; the afternoon is the rest.</summary>
    public long Morning { get; }

    /// <summary>
    /// Office time elapsed in "day units" (0..Length, the half-day at Length/2): each session is half a working day
    /// whatever its length, so 0.5 d is one session, and a moment a third into the morning is a sixth of the day.
    /// </summary>
    public long ToDayUnits(long elapsed)
    {
        var half = Length / 2;
        return elapsed <= Morning
            ? (long)((Int128)elapsed * half / Morning)
            : half + (long)((Int128)(elapsed - Morning) * (Length - half) / (Length - Morning));
    }

    /// <summary>The inverse of <see cref="ToDayUnits"/>.</summary>
    public long FromDayUnits(long units)
    {
        var half = Length / 2;
        return units <= half
            ? (long)((Int128)units * Morning / half)
            : Morning + (long)((Int128)(units - half) * (Length - Morning) / (Length - half));
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
