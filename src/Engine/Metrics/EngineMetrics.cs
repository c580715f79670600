using System.Diagnostics.Metrics;
using Engine.Runtime;

namespace Engine.Metrics;

/// <summary>
/// The engine's meter, <see cref="MeterName"/>: counters the runtime adds to as it works, and gauges of what waits in the
/// database (outbox, timers, incidents). The gauges report the last <see cref="EngineSample"/> the
/// <see cref="EngineMetricsSampler"/> took, so a scrape never queries the database; with no sample (none yet, or the last
/// one failed) they report nothing rather than a stale figure. One per service provider, made through its
/// <see cref="IMeterFactory"/>.
/// </summary>
public sealed class EngineMetrics
{
    public const string MeterName = "IsoDienTu.Engine";

    private readonly Counter<long> _transitions, _contentionRetries, _timerFailures, _incidentsOpened, _outboxPublished, _outboxFailures;
    private volatile EngineSample? _sample;

    public EngineMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _transitions = meter.CreateCounter<long>("engine.transitions", "{transition}", "Engine operations committed, by operation");
        _contentionRetries = meter.CreateCounter<long>("engine.contention.retries", "{retry}",
            "Operations run again after a deadlock, serialization failure or lock timeout");
        _timerFailures = meter.CreateCounter<long>("engine.timer.failures", "{failure}", "Failed attempts of timers, deadline rules and handler calls, by kind");
        _incidentsOpened = meter.CreateCounter<long>("engine.incidents.opened", "{incident}", "Timers parked after their last attempt, waiting for an operator");
        _outboxPublished = meter.CreateCounter<long>("engine.outbox.published", "{message}", "Outbox messages the broker confirmed");
        _outboxFailures = meter.CreateCounter<long>("engine.outbox.failures", "{failure}",
            "Failed publishes of outbox messages; parked=true for the last attempt, after which the message waits for an operator");
        meter.CreateObservableGauge("engine.outbox.pending", () => Observe(s => s.OutboxPending), "{message}", "Outbox messages neither sent nor parked");
        meter.CreateObservableGauge("engine.outbox.oldest_pending_age", () => Observe(s => s.OldestPendingAge.TotalSeconds), "s",
            "Age of the oldest outbox message waiting to be sent");
        meter.CreateObservableGauge("engine.outbox.parked", () => Observe(s => s.OutboxParked), "{message}", "Outbox messages parked (dead-lettered) and not discarded");
        meter.CreateObservableGauge("engine.timers.lag", () => Observe(s => s.TimerLag.TotalSeconds), "s",
            "How late the oldest due timer of a running instance is");
        meter.CreateObservableGauge("engine.incidents.open", ObserveIncidents, "{incident}", "Unresolved incidents, by status");
    }

    /// <summary>The last sample, or null when there is none or the last one failed.</summary>
    public EngineSample? LastSample => _sample;

    /// <summary>An operation committed (or, in a caller's transaction, finished its part).</summary>
    public void Transition(string operation) => _transitions.Add(1, new KeyValuePair<string, object?>("operation", operation));

    public void ContentionRetry() => _contentionRetries.Add(1);

    /// <summary>A timer attempt failed; after its last attempt it became an incident.</summary>
    public void TimerFailed(TimerKind kind, bool incidentOpened)
    {
        var tag = new KeyValuePair<string, object?>("kind", kind.ToString());
        _timerFailures.Add(1, tag);
        if (incidentOpened) _incidentsOpened.Add(1, tag);
    }

    public void OutboxPublished(int count)
    {
        if (count > 0) _outboxPublished.Add(count);
    }

    public void OutboxFailed(bool parked) => _outboxFailures.Add(1, new KeyValuePair<string, object?>("parked", parked));

    internal void Record(EngineSample? sample) => _sample = sample;

    private IEnumerable<Measurement<T>> Observe<T>(Func<EngineSample, T> figure) where T : struct =>
        _sample is { } sample ? [new Measurement<T>(figure(sample))] : [];

    private IEnumerable<Measurement<long>> ObserveIncidents() => _sample is { } sample
        ? [new(sample.IncidentsOpen, new KeyValuePair<string, object?>("status", "Open")),
           new(sample.IncidentsRetrying, new KeyValuePair<string, object?>("status", "Retrying"))]
        : [];
}
