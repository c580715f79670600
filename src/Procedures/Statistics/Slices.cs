namespace Procedures.Statistics;

/// <summary>
/// Summaries are kept per half month, [1st, 15th) and [15th, 1st of next month), in Vietnam time: calendar months
/// and the reporting periods of Decree 09/2019 (15 December to 14 June, 15 December to 14 December) are both whole
/// runs of slices, so their figures are sums of stored rows.
/// </summary>
public static class Slices
{
    public static readonly TimeSpan Offset = Common.VietnamTime.Offset;

    public static DateOnly LocalDate(DateTimeOffset at) => Common.VietnamTime.DateOf(at);

    /// <summary>First instant of a Vietnam calendar day.</summary>
    public static DateTimeOffset Start(DateOnly day) => Common.VietnamTime.StartOf(day);

    public static DateOnly Of(DateTimeOffset at) => Of(LocalDate(at));

    public static DateOnly Of(DateOnly day) => new(day.Year, day.Month, day.Day < 15 ? 1 : 15);

    public static bool IsBoundary(DateOnly day) => day.Day is 1 or 15;

    public static DateOnly Next(DateOnly slice) =>
        slice.Day < 15 ? new DateOnly(slice.Year, slice.Month, 15) : new DateOnly(slice.Year, slice.Month, 1).AddMonths(1);

    /// <summary>The last boundary at or before <paramref name="at"/>.</summary>
    public static DateOnly LastBoundaryAtOrBefore(DateTimeOffset at) => Of(at);

    /// <summary>Boundaries strictly after <paramref name="after"/> up to and including <paramref name="through"/>.</summary>
    public static IEnumerable<DateOnly> Between(DateOnly after, DateOnly through)
    {
        for (var b = Next(Of(after)); b <= through; b = Next(b)) yield return b;
    }
}
