namespace Worker.Sla;

/// <summary>
/// What one sweep (or one slice of it) saw and did; <paramref name="Batches"/> transactions written, the longest taking
/// <paramref name="LongestBatch"/>; <paramref name="Failed"/> subjects left for the next sweep after a failure that may pass.
/// </summary>
public sealed record SweepReport(int WorkItems, int Dossiers, int Raised, int Notified, int Batches = 0, TimeSpan LongestBatch = default, int Failed = 0)
{
    /// <summary>Where the sweep's time went: reading pages and who holds which role, computing thresholds and texts, writing alerts.</summary>
    public SweepPhases Phases { get; init; } = new();
    /// <summary>Subjects that failed in a way another try would repeat, parked (see <see cref="SlaParking"/>).</summary>
    public int Parked { get; init; }
    /// <summary>Slices run, each within <see cref="SlaSettings.SliceBudget"/>, and the longest of them.</summary>
    public int Slices { get; init; }
    public TimeSpan LongestSlice { get; init; }
    /// <summary>False when <see cref="SlaSettings.DrainWithin"/> ran out before the last page: the next sweep goes on.</summary>
    public bool Drained { get; init; } = true;

    public static readonly SweepReport Empty = new(0, 0, 0, 0);

    public static SweepReport operator +(SweepReport a, SweepReport b) =>
        new(a.WorkItems + b.WorkItems, a.Dossiers + b.Dossiers, a.Raised + b.Raised, a.Notified + b.Notified, a.Batches + b.Batches,
            Max(a.LongestBatch, b.LongestBatch), a.Failed + b.Failed)
        {
            Phases = a.Phases + b.Phases,
            Parked = a.Parked + b.Parked,
            Slices = a.Slices + b.Slices,
            LongestSlice = Max(a.LongestSlice, b.LongestSlice),
            Drained = a.Drained && b.Drained,
        };

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

/// <summary>Time spent per phase of a sweep, summed over its pages.</summary>
public sealed record SweepPhases(TimeSpan Reading = default, TimeSpan Computing = default, TimeSpan Writing = default)
{
    public static SweepPhases operator +(SweepPhases a, SweepPhases b) => new(a.Reading + b.Reading, a.Computing + b.Computing, a.Writing + b.Writing);
}

/// <summary>Which read a sweep is in: open work, then open dossiers, then done.</summary>
public enum SweepStage { WorkItems, Dossiers, Done }

/// <summary>
/// Where a sweep stands between pages and slices: which read, after which (due time, id), and how many subjects the next
/// page takes (<see cref="SlaSettings.BatchSize"/> at most, fewer when pages took longer than a quarter of a slice's budget).
/// </summary>
public sealed record SweepCursor(SweepStage Stage, DateTimeOffset AfterDueAt, Guid AfterId, int PageSize)
{
    public static SweepCursor First(SlaSettings settings) => new(SweepStage.WorkItems, SlaCandidates.Start, Guid.Empty, Math.Max(1, settings.BatchSize));

    public SweepCursor NextStage() => this with { Stage = Stage + 1, AfterDueAt = SlaCandidates.Start, AfterId = Guid.Empty };
}
