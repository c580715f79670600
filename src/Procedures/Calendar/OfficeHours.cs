namespace Procedures.Calendar;

/// <summary>One stretch of office time within a day, e.g. 07:30–11:30.</summary>
public sealed record OfficePeriod(TimeOnly From, TimeOnly To)
{
    public TimeSpan Length => To - From;
}

/// <summary>
/// The office periods of a working day, ordered and non-overlapping. Every working day of a unit has the same
/// periods, so a working day is always <see cref="Length"/> of office time.
/// </summary>
public sealed record OfficeHours
{
    /// <exception cref="ArgumentException">No periods, an empty period, or periods out of order or overlapping.</exception>
    public OfficeHours(params IReadOnlyList<OfficePeriod> periods)
    {
        if (periods.Count == 0) throw new ArgumentException("Office hours need at least one period.", nameof(periods));
        for (var i = 0; i < periods.Count; i++)
        {
            if (periods[i].From >= periods[i].To)
                throw new ArgumentException($"Office period {periods[i].From}–{periods[i].To} is empty.", nameof(periods));
            if (i > 0 && periods[i].From < periods[i - 1].To)
                throw new ArgumentException("Office periods must be in order and must not overlap.", nameof(periods));
        }
        Periods = [.. periods];
    }

    /// <summary>07:30–11:30 and 13:30–17:00: 7.5 hours of office time.</summary>
    public static OfficeHours Default { get; } = new(
        new OfficePeriod(new TimeOnly(7, 30), new TimeOnly(11, 30)),
        new OfficePeriod(new TimeOnly(13, 30), new TimeOnly(17, 0)));

    public IReadOnlyList<OfficePeriod> Periods { get; }

    public TimeSpan Length => Periods.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Length);

    public TimeOnly Opens => Periods[0].From;

    public TimeOnly Closes => Periods[^1].To;

    public bool Equals(OfficeHours? other) => other is not null && Periods.SequenceEqual(other.Periods);

    public override int GetHashCode() => Periods.Aggregate(0, (hash, p) => HashCode.Combine(hash, p));
}
