using Procedures.Catalogue;
using Procedures.Dossiers;

namespace Procedures.Statistics;

internal readonly record struct SummaryKey(Guid Unit, Guid Procedure, string Official, DateOnly Day);

/// <summary>
/// Every summary row is also added to three roll-up rows of the same unit and day: all officials of the procedure
/// (official "*"), all procedures of the official (procedure <see cref="Guid.Empty"/>), and all procedures and
/// officials (both). A dashboard by unit then reads one row per unit and slice, a grouping by procedure one per
/// procedure, and a grouping by official one per official, instead of one per procedure and official.
/// </summary>
internal static class Rollup
{
    public const string AllOfficials = "*";
    public static readonly Guid AllProcedures = Guid.Empty;

    public static IEnumerable<SummaryKey> Levels(SummaryKey key) =>
        [key, key with { Official = AllOfficials }, key with { Procedure = AllProcedures }, key with { Procedure = AllProcedures, Official = AllOfficials }];
}

/// <summary>Column positions of a flow delta, in the order of <see cref="SummaryStore.FlowColumns"/>.</summary>
internal enum Flow { ReceivedCounter, ReceivedOnline, ReceivedPost, ReceivedWithFee, ReceivedWithFeeOnline, ReceivedDigitised,
    FinishedEarly, FinishedOnTime, FinishedLate, Refused, NotAccepted, Withdrawn, SupplementRequests }

internal enum OpenState { WithinTime, Overdue, AwaitingSupplement }

internal sealed class FlowDelta
{
    public readonly long[] Counts = new long[Enum.GetValues<Flow>().Length];
    public decimal DaysSum;
    public readonly long[] Durations = new long[DurationBuckets.Count];

    public void Add(FlowDelta other)
    {
        for (var i = 0; i < Counts.Length; i++) Counts[i] += other.Counts[i];
        DaysSum += other.DaysSum;
        for (var i = 0; i < Durations.Length; i++) Durations[i] += other.Durations[i];
    }
}

/// <summary>
/// What each fact adds to the summaries; the refresher adds the new version of a fact and takes the old one off, so
/// the summaries always equal a rebuild from the facts. The rules here and in <see cref="FactQueries"/> are the
/// definitions of the figures and must agree (tests compare both paths).
/// </summary>
internal sealed class Contributions
{
    public Dictionary<SummaryKey, FlowDelta> Flows { get; } = [];
    public Dictionary<SummaryKey, long[]> Open { get; } = [];
    public Dictionary<SummaryKey, long> Delays { get; } = [];
    /// <summary>Per unit, procedure, official and day, with the roll-ups of <see cref="Rollup"/>: the flows of the day.</summary>
    public Dictionary<SummaryKey, FlowDelta> DailyFlows { get; } = [];
    /// <summary>Per unit, procedure, official and day (with roll-ups): how the open dossiers changed from the start of the day to the start of the next.</summary>
    public Dictionary<SummaryKey, long[]> OpenChanges { get; } = [];
    public Dictionary<SummaryKey, long> DailyDelays { get; } = [];

    public bool IsEmpty => Flows.Count == 0 && Open.Count == 0 && Delays.Count == 0 && DailyFlows.Count == 0 && OpenChanges.Count == 0 && DailyDelays.Count == 0;

    /// <summary>Adds (sign 1) or removes (sign -1) a fact, with open snapshots for boundaries up to <paramref name="through"/>.</summary>
    public void Add(DossierFact f, int sign, DateOnly through)
    {
        AddHalfMonths(f, sign, through);
        AddDays(f, sign);
    }

    private void AddHalfMonths(DossierFact f, int sign, DateOnly through)
    {
        foreach (var received in FlowsAt(f, f.ReceivedSlice))
        {
            received.Counts[(int)(f.Channel switch { Channel.Online => Flow.ReceivedOnline, Channel.Post => Flow.ReceivedPost, _ => Flow.ReceivedCounter })] += sign;
            if (f.HasFee) received.Counts[(int)Flow.ReceivedWithFee] += sign;
            if (f.HasFee && f.Channel == Channel.Online) received.Counts[(int)Flow.ReceivedWithFeeOnline] += sign;
            if (f.Digitised) received.Counts[(int)Flow.ReceivedDigitised] += sign;
        }

        if (f.FinishedSlice is { } finishedSlice && f.Outcome is { } outcome)
        {
            foreach (var finished in FlowsAt(f, finishedSlice))
            {
                finished.Counts[(int)Closing(outcome, f.Timeliness)] += sign;
                if (f.ProcessingDays is { } days && f.DurationBucket is { } bucket)
                {
                    finished.DaysSum += sign * days;
                    finished.Durations[bucket] += sign;
                }
            }
            if (f.DelayUnitId is { } delayUnit)
                foreach (var key in Rollup.Levels(new SummaryKey(delayUnit, f.ProcedureId, f.Official, finishedSlice)))
                    Delays[key] = Delays.GetValueOrDefault(key) + sign;
        }
        if (f.SupplementSlice is { } supplementSlice)
            foreach (var flow in FlowsAt(f, supplementSlice)) flow.Counts[(int)Flow.SupplementRequests] += sign;

        foreach (var boundary in Slices.Between(f.ReceivedSlice, through))
        {
            if (StateAt(f, Slices.Start(boundary)) is not { } state) break;
            AddOpen(f, boundary, state, sign);
        }
    }

    /// <summary>
    /// The per-day rows of a fact, at the roll-up levels of <see cref="Rollup"/> like the half-month summaries: its
    /// flows on the days they happened, and on each day one of its four instants (reception, clock start, appointment,
    /// result) falls, its state at the start of the next day less its state at the start of that day. Open figures at the
    /// start of any day are those of the boundary before plus these changes.
    /// </summary>
    public void AddDays(DossierFact f, int sign)
    {
        IEnumerable<FlowDelta> Day(DateTimeOffset at)
        {
            foreach (var key in Rollup.Levels(new SummaryKey(f.ProcessingUnitId, f.ProcedureId, f.Official, Slices.LocalDate(at))))
            {
                if (!DailyFlows.TryGetValue(key, out var delta)) DailyFlows[key] = delta = new FlowDelta();
                yield return delta;
            }
        }
        foreach (var received in Day(f.ReceivedAt))
        {
            received.Counts[(int)(f.Channel switch { Channel.Online => Flow.ReceivedOnline, Channel.Post => Flow.ReceivedPost, _ => Flow.ReceivedCounter })] += sign;
            if (f.HasFee) received.Counts[(int)Flow.ReceivedWithFee] += sign;
            if (f.HasFee && f.Channel == Channel.Online) received.Counts[(int)Flow.ReceivedWithFeeOnline] += sign;
            if (f.Digitised) received.Counts[(int)Flow.ReceivedDigitised] += sign;
        }
        if (f.FinishedAt is { } finishedAt && f.Outcome is { } outcome)
        {
            foreach (var finished in Day(finishedAt))
            {
                finished.Counts[(int)Closing(outcome, f.Timeliness)] += sign;
                if (f.ProcessingDays is { } days && f.DurationBucket is { } bucket)
                {
                    finished.DaysSum += sign * days;
                    finished.Durations[bucket] += sign;
                }
            }
            if (f.DelayUnitId is { } delayUnit)
                foreach (var key in Rollup.Levels(new SummaryKey(delayUnit, f.ProcedureId, f.Official, Slices.LocalDate(finishedAt))))
                    DailyDelays[key] = DailyDelays.GetValueOrDefault(key) + sign;
        }
        if (f.SupplementRequestedAt is { } requestedAt)
            foreach (var supplement in Day(requestedAt)) supplement.Counts[(int)Flow.SupplementRequests] += sign;

        DateTimeOffset?[] instants = [f.ReceivedAt, f.ClockStartedAt, f.AppointmentAt, f.FinishedAt];
        foreach (var day in instants.OfType<DateTimeOffset>().Select(Slices.LocalDate).Distinct())
        {
            var (before, after) = (StateAt(f, Slices.Start(day)), StateAt(f, Slices.Start(day.AddDays(1))));
            if (before == after) continue;
            foreach (var key in Rollup.Levels(new SummaryKey(f.ProcessingUnitId, f.ProcedureId, f.Official, day)))
            {
                if (!OpenChanges.TryGetValue(key, out var counts)) OpenChanges[key] = counts = new long[3];
                if (before is { } was) counts[(int)was] -= sign;
                if (after is { } now) counts[(int)now] += sign;
            }
        }
    }

    /// <summary>The snapshot of one boundary only, for a boundary that has just passed.</summary>
    public void AddAtBoundary(DossierFact f, DateOnly boundary)
    {
        if (StateAt(f, Slices.Start(boundary)) is { } state) AddOpen(f, boundary, state, 1);
    }

    /// <summary>The state of a dossier open at <paramref name="at"/>; null when it was not open then.</summary>
    public static OpenState? StateAt(DossierFact f, DateTimeOffset at)
    {
        if (f.ReceivedAt >= at || f.FinishedAt < at) return null;
        if (f.ClockStartedAt is null || f.ClockStartedAt >= at) return OpenState.AwaitingSupplement;
        return f.AppointmentAt < at ? OpenState.Overdue : OpenState.WithinTime;
    }

    private static Flow Closing(FactOutcome outcome, Timeliness? timeliness) => outcome switch
    {
        FactOutcome.Approved => timeliness switch { Timeliness.Early => Flow.FinishedEarly, Timeliness.Late => Flow.FinishedLate, _ => Flow.FinishedOnTime },
        FactOutcome.Refused => Flow.Refused,
        FactOutcome.NotAccepted => Flow.NotAccepted,
        _ => Flow.Withdrawn,
    };

    private void AddOpen(DossierFact f, DateOnly boundary, OpenState state, int sign)
    {
        foreach (var key in Rollup.Levels(new SummaryKey(f.ProcessingUnitId, f.ProcedureId, f.Official, boundary)))
        {
            if (!Open.TryGetValue(key, out var counts)) Open[key] = counts = new long[3];
            counts[(int)state] += sign;
        }
    }

    private IEnumerable<FlowDelta> FlowsAt(DossierFact f, DateOnly slice)
    {
        foreach (var key in Rollup.Levels(new SummaryKey(f.ProcessingUnitId, f.ProcedureId, f.Official, slice)))
        {
            if (!Flows.TryGetValue(key, out var delta)) Flows[key] = delta = new FlowDelta();
            yield return delta;
        }
    }
}
