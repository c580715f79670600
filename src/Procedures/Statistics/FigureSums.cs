namespace Procedures.Statistics;

/// <summary>Mergeable running totals behind one row of figures (sums, never averages, so roll-ups stay exact).</summary>
internal sealed class FigureSums
{
    public long CarriedOver, ReceivedCounter, ReceivedOnline, ReceivedPost, ReceivedWithFee, ReceivedWithFeeOnline, ReceivedDigitised;
    public long FinishedEarly, FinishedOnTime, FinishedLate, Refused, NotAccepted, Withdrawn, SupplementRequests;
    public long OpenWithinTime, OpenOverdue, OpenAwaitingSupplement, DelayAttributed;
    public decimal ProcessingDaysSum;
    public readonly long[] Durations = new long[DurationBuckets.Count];

    public void Add(FigureSums o)
    {
        CarriedOver += o.CarriedOver; ReceivedCounter += o.ReceivedCounter; ReceivedOnline += o.ReceivedOnline; ReceivedPost += o.ReceivedPost;
        ReceivedWithFee += o.ReceivedWithFee; ReceivedWithFeeOnline += o.ReceivedWithFeeOnline; ReceivedDigitised += o.ReceivedDigitised;
        FinishedEarly += o.FinishedEarly; FinishedOnTime += o.FinishedOnTime; FinishedLate += o.FinishedLate;
        Refused += o.Refused; NotAccepted += o.NotAccepted; Withdrawn += o.Withdrawn; SupplementRequests += o.SupplementRequests;
        OpenWithinTime += o.OpenWithinTime; OpenOverdue += o.OpenOverdue; OpenAwaitingSupplement += o.OpenAwaitingSupplement;
        DelayAttributed += o.DelayAttributed; ProcessingDaysSum += o.ProcessingDaysSum;
        for (var i = 0; i < Durations.Length; i++) Durations[i] += o.Durations[i];
    }

    /// <summary>Nothing counted: a row the fact rows would not have produced (a snapshot and its change cancelling out).</summary>
    public bool IsEmpty => CarriedOver == 0 && ReceivedCounter == 0 && ReceivedOnline == 0 && ReceivedPost == 0 && FinishedEarly == 0
        && FinishedOnTime == 0 && FinishedLate == 0 && Refused == 0 && NotAccepted == 0 && Withdrawn == 0 && SupplementRequests == 0
        && OpenWithinTime == 0 && OpenOverdue == 0 && OpenAwaitingSupplement == 0 && DelayAttributed == 0;

    public StatisticsFigures ToFigures()
    {
        var approved = FinishedEarly + FinishedOnTime + FinishedLate;
        return new StatisticsFigures(
            (int)CarriedOver, (int)ReceivedCounter, (int)ReceivedOnline, (int)ReceivedPost,
            (int)FinishedEarly, (int)FinishedOnTime, (int)FinishedLate, (int)Refused, (int)NotAccepted, (int)Withdrawn,
            (int)OpenWithinTime, (int)OpenOverdue, (int)OpenAwaitingSupplement, (int)SupplementRequests,
            approved == 0 ? null : Math.Round(ProcessingDaysSum / approved, 2, MidpointRounding.AwayFromZero),
            DurationBuckets.Percentile90(Durations), (int)DelayAttributed,
            (int)ReceivedWithFee, (int)ReceivedWithFeeOnline, (int)ReceivedDigitised);
    }
}

internal static class FigureSumsMap
{
    public static FigureSums At(this Dictionary<string, FigureSums> rows, string key)
    {
        if (!rows.TryGetValue(key, out var sums)) rows[key] = sums = new FigureSums();
        return sums;
    }

    public static FigureSums Total(this IEnumerable<FigureSums> rows)
    {
        var total = new FigureSums();
        foreach (var row in rows) total.Add(row);
        return total;
    }
}
