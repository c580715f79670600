namespace Procedures.Statistics;

/// <summary>
/// Processing times are kept as counts per bucket of working days, so percentiles add up across units and slices.
/// A bucket holds times up to and including its bound; the last one holds everything longer.
/// </summary>
public static class DurationBuckets
{
    public static readonly decimal[] Bounds = [0.25m, 0.5m, 0.75m, 1m, 1.5m, 2m, 3m, 4m, 5m, 7m, 10m, 15m, 20m, 30m, 45m, 60m, 90m, 180m, 365m];

    /// <summary>Bounds plus the open-ended last bucket.</summary>
    public static int Count => Bounds.Length + 1;

    public static short Of(decimal days)
    {
        for (short i = 0; i < Bounds.Length; i++)
            if (days <= Bounds[i]) return i;
        return (short)Bounds.Length;
    }

    /// <summary>
    /// Nearest-rank 90th percentile on the bucket bounds: the smallest bound within which at least 90% of the
    /// results came; null with no result, or when it falls in the open-ended bucket.
    /// </summary>
    public static decimal? Percentile90(IReadOnlyList<long> counts)
    {
        var total = counts.Sum();
        if (total == 0) return null;
        var rank = (long)Math.Ceiling(total * 0.9m);
        long running = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            running += counts[i];
            if (running >= rank) return i < Bounds.Length ? Bounds[i] : null;
        }
        return null;
    }
}
