namespace Procedures.Samples;

/// <summary>Where a sample dossier should stand at the end of the history (before any product gap stops it earlier).</summary>
internal enum SampleTarget
{
    Registered, WithdrawnOnline, NotAcceptedOnline, NotAccepted, SupplementAtReception, SupplementInProcessing, SupplementCompleted,
    Accepted, InProgress, Finished, Returned, ReturnedLate, Stopped, Withdrawn, Overdue, OverdueAfterApology, Apologised,
    ConsultationPending, ConsultationLate,
}

internal static class SampleTargets
{
    /// <summary>Shares of the generated dossiers, per hundred: most are returned, every screen gets some.</summary>
    private static readonly (SampleTarget Target, int Share)[] Shares =
    [
        (SampleTarget.Registered, 4), (SampleTarget.WithdrawnOnline, 2), (SampleTarget.NotAcceptedOnline, 2), (SampleTarget.NotAccepted, 3),
        (SampleTarget.SupplementAtReception, 4), (SampleTarget.SupplementInProcessing, 3), (SampleTarget.SupplementCompleted, 4),
        (SampleTarget.Accepted, 5), (SampleTarget.InProgress, 14), (SampleTarget.Finished, 7), (SampleTarget.Returned, 27),
        (SampleTarget.ReturnedLate, 3), (SampleTarget.Stopped, 4), (SampleTarget.Withdrawn, 4), (SampleTarget.Overdue, 4),
        (SampleTarget.OverdueAfterApology, 3), (SampleTarget.Apologised, 3), (SampleTarget.ConsultationPending, 3), (SampleTarget.ConsultationLate, 2),
    ];

    /// <summary><paramref name="count"/> targets in these shares, at least one of each when there is room; the rest are returned dossiers.</summary>
    public static List<SampleTarget> Spread(int count)
    {
        var total = Shares.Sum(s => s.Share);
        var targets = new List<SampleTarget>();
        foreach (var (target, share) in Shares)
            targets.AddRange(Enumerable.Repeat(target, Math.Max(count >= Shares.Length ? 1 : 0, count * share / total)));
        while (targets.Count < count) targets.Add(SampleTarget.Returned);
        return targets.Take(count).ToList();
    }

    public static bool IsOnlineOnly(this SampleTarget target) =>
        target is SampleTarget.Registered or SampleTarget.WithdrawnOnline or SampleTarget.NotAcceptedOnline;

    /// <summary>Whether the route can reach the target at all: online channel, supplements, a consulted agency.</summary>
    public static bool Fits(this SampleTarget target, SampleRoute route, bool online) => target switch
    {
        _ when target.IsOnlineOnly() => online,
        SampleTarget.SupplementAtReception or SampleTarget.SupplementInProcessing or SampleTarget.SupplementCompleted => route.Supplements,
        SampleTarget.ConsultationPending or SampleTarget.ConsultationLate => route.ConsultationOpensAt is not null,
        _ => true,
    };
}
