using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Engine.Hosting;
using Engine.Metrics;
using Engine.Runtime;
using Engine.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Tests.Metrics;

/// <summary>
/// The engine's meter as the runtime feeds it: transitions by operation, timer failures until the incident opens, and the
/// sampled gauges (timer lag, open incidents, outbox). Read with a listener on this provider's meter alone.
/// </summary>
public sealed class When_the_engine_is_measured : EngineTest
{
    private sealed class BrokenRegistry : IStepHandler
    {
        public ValueTask ExecuteAsync(StepHandlerContext context, CancellationToken ct) =>
            throw new InvalidOperationException("The registry of the other agency did not answer.");
    }

    private const string CallsRegistry = """
        id: calls-registry
        version: 1
        title: Asks another agency's registry
        steps:
          - id: call
            kind: automatic
            handler: call-registry
            next: done
          - id: done
            kind: end
            outcome: done
        """;

    /// <summary>A broker that refuses the instances' "completed" messages and takes everything else.</summary>
    private sealed class PickyBroker : Engine.Outbox.IOutboxPublisher
    {
        public Task PublishAsync(Guid messageId, object message, Type messageType, CancellationToken ct) =>
            messageType == typeof(InstanceCompleted) ? throw new InvalidOperationException("refused") : Task.CompletedTask;
    }

    private readonly ConcurrentDictionary<string, double> _seen = new();
    private MeterListener _listener = null!;

    protected override void Configure(IServiceCollection services)
    {
        services.AddWorkflowHandler<BrokenRegistry>("call-registry");
        services.Configure<TimerOptions>(o => (o.MaxAttempts, o.BaseDelay, o.MaxDelay) = (2, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)));
        services.AddWorkflowEngineMetrics();
        services.AddSingleton<Engine.Outbox.IOutboxPublisher, PickyBroker>();
        services.Configure<Engine.Outbox.OutboxOptions>(o => o.MaxAttempts = 1);
    }

    [SetUp]
    public async Task Listen()
    {
        await PublishAsync(CallsRegistry);
        await PublishAsync(SampleDefinitions.Waiting);
        _seen.Clear();
        var factory = Services.GetRequiredService<IMeterFactory>();
        _ = Services.GetRequiredService<EngineMetrics>();
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == EngineMetrics.MeterName && instrument.Meter.Scope == factory) listener.EnableMeasurementEvents(instrument);
            },
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Seen(i, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Seen(i, value, tags));
        _listener.Start();
    }

    [TearDown]
    public void StopListening() => _listener.Dispose();

    [Test]
    public async Task Should_count_transitions_and_timer_failures_until_the_incident_opens()
    {
        await StartAsync("calls-registry");
        await StartAsync("waiting");
        Counted("engine.transitions", "operation=start").ShouldBe(2);

        await Runtime.FireDueTimersAsync(); // the handler's first attempt
        (Counted("engine.timer.failures", "kind=Handler"), Counted("engine.incidents.opened")).ShouldBe((1, 0));
        Clock.Advance(TimeSpan.FromMinutes(2));
        await Runtime.FireDueTimersAsync(); // the last attempt: parked, its incident open
        (Counted("engine.timer.failures", "kind=Handler"), Counted("engine.incidents.opened", "kind=Handler")).ShouldBe((2, 1));

        Observe(await SampleAsync());
        Counted("engine.incidents.open", "status=Open").ShouldBe(1);
        Counted("engine.incidents.open", "status=Retrying").ShouldBe(0);
    }

    [Test]
    public async Task Should_sample_how_late_the_oldest_due_timer_is_and_count_it_when_it_fires()
    {
        var started = await StartAsync("waiting");
        Clock.Advance(await DueInAsync(started.InstanceId) + TimeSpan.FromSeconds(90));

        var late = await SampleAsync();
        late.TimerLag.ShouldBe(TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(1));
        late.OutboxPending.ShouldBe(await CountAsync("SELECT count(*) FROM engine.outbox"));
        Observe(late);
        Counted("engine.timers.lag").ShouldBe(90, 0.001);

        await Runtime.FireDueTimersAsync();
        Counted("engine.transitions", "operation=timer").ShouldBe(1);
        (await SampleAsync()).TimerLag.ShouldBe(TimeSpan.Zero);
    }

    [Test]
    public async Task Should_count_the_messages_published_and_the_failed_one_parked()
    {
        await PublishAsync("""
            id: ends-at-once
            version: 1
            title: Ends as soon as it starts
            steps:
              - id: done
                kind: end
                outcome: done
            """);
        await StartAsync("ends-at-once");
        await StartAsync("ends-at-once");
        await StartAsync("waiting");
        var failing = await CountAsync("SELECT count(*) FROM engine.outbox WHERE type = 'engine.instance-completed'");
        failing.ShouldBe(2);
        var all = await CountAsync("SELECT count(*) FROM engine.outbox");

        var dispatcher = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<Engine.Outbox.OutboxDispatcher>(Services);
        while ((await dispatcher.DispatchBatchAsync(CancellationToken.None)).Claimed > 0) { }

        Counted("engine.outbox.published").ShouldBe(all - failing);
        Counted("engine.outbox.failures", "parked=True").ShouldBe(failing);
        (await CountAsync("SELECT count(*) FROM engine.outbox WHERE parked_at IS NOT NULL")).ShouldBe(failing);
    }

    [Test]
    public void Should_report_no_gauge_before_a_sample_or_after_a_failed_one()
    {
        Services.GetRequiredService<EngineMetrics>().Record(null);
        _listener.RecordObservableInstruments();
        _seen.Keys.ShouldNotContain(k => k.StartsWith("engine.outbox", StringComparison.Ordinal) || k.StartsWith("engine.timers", StringComparison.Ordinal));
    }

    private Task<EngineSample> SampleAsync() => Services.GetRequiredService<EngineMetricsSampler>().SampleAsync(CancellationToken.None);

    /// <summary>Hands the sample to the gauges, as the sampler does, and reads them as a scrape would.</summary>
    private void Observe(EngineSample sample)
    {
        Services.GetRequiredService<EngineMetrics>().Record(sample);
        _listener.RecordObservableInstruments();
    }

    private async Task<TimeSpan> DueInAsync(Guid instanceId)
    {
        await using var cmd = DataSource.CreateCommand($"SELECT due_at FROM engine.timers WHERE instance_id = '{instanceId}'");
        var due = (DateTime)(await cmd.ExecuteScalarAsync())!;
        return new DateTimeOffset(due, TimeSpan.Zero) - Clock.GetUtcNow();
    }

    private void Seen(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var key = Key(instrument.Name, tags.ToArray().Select(t => $"{t.Key}={t.Value}").Order());
        if (instrument is ObservableInstrument<long> or ObservableInstrument<double>) _seen[key] = value;
        else _seen.AddOrUpdate(key, value, (_, total) => total + value);
    }

    /// <summary>The counter's total (or the gauge's last value) for the series with exactly <paramref name="tags"/>.</summary>
    private double Counted(string name, params string[] tags) => _seen.GetValueOrDefault(Key(name, tags.Order()));

    private static string Key(string name, IEnumerable<string> tags) => $"{name}{{{string.Join(",", tags)}}}";
}
