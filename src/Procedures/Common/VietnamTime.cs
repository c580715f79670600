namespace Procedures.Common;

/// <summary>
/// The one conversion between stored instants (UTC) and what a person in Vietnam reads. Vietnam has kept UTC+7 without
/// daylight saving since 1975, so a fixed offset is exact and needs no time-zone database. Every message, form, export
/// and feed that shows a date goes through here, so a refusal at 00:30 on 07/12 in Vietnam (17:30 UTC on 06/12) reads 07/12.
/// </summary>
public static class VietnamTime
{
    /// <summary>UTC+7.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The instant as wall-clock time in Vietnam (offset +07:00).</summary>
    public static DateTimeOffset Local(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <inheritdoc cref="Local(DateTimeOffset)"/>
    public static DateTimeOffset? Local(DateTimeOffset? instant) => instant?.ToOffset(Offset);

    /// <summary>The calendar day in Vietnam at that instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant).DateTime);

    /// <summary>The instant (UTC) at which <paramref name="day"/> begins in Vietnam.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();
}
