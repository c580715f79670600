namespace Engine.Metrics;

/// <summary>What waits in the engine's tables at <paramref name="TakenAt"/>, as the gauges of <see cref="EngineMetrics"/> report it.</summary>
/// <param name="OldestPendingAge">Zero when nothing is pending.</param>
/// <param name="TimerLag">How late the oldest due timer of a running instance is; zero when none is due.</param>
public sealed record EngineSample(
    DateTimeOffset TakenAt, long OutboxPending, TimeSpan OldestPendingAge, long OutboxParked, TimeSpan TimerLag, long IncidentsOpen, long IncidentsRetrying);
