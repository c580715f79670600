using System.Collections.Concurrent;
using Engine.Hosting;
using Engine.Outbox;
using Engine.Runtime;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Tests.Outbox;

public sealed class When_the_outbox_is_dispatched : OutboxTest
{
    internal static readonly ConcurrentDictionary<Guid, int> Received = new();

    private sealed class RecordingConsumer : IConsumer<WorkItemOpened>, IConsumer<InstanceCompleted>
    {
        public Task Consume(ConsumeContext<WorkItemOpened> context) => Record(context.MessageId);
        public Task Consume(ConsumeContext<InstanceCompleted> context) => Record(context.MessageId);

        private static Task Record(Guid? id)
        {
            Received.AddOrUpdate(id!.Value, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }
    }

    protected override void Configure(IServiceCollection services)
    {
        services.AddMassTransit(x =>
        {
            x.AddConsumer<RecordingConsumer>();
            x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
        });
        services.AddSingleton<IOutboxPublisher, MassTransitOutboxPublisher>();
        services.AddOptions<OutboxOptions>().Configure(o => o.BatchSize = 7);
    }

    [SetUp]
    public void ClearReceived() => Received.Clear();

    [Test]
    public async Task Should_publish_every_row_exactly_once_with_two_dispatchers_running()
    {
        await PublishAsync(SampleDefinitions.Guarded);
        for (var i = 0; i < 60; i++)
        {
            var started = await StartAsync("guarded", new { fee = 1 });
            await CompleteAsync(started.OpenedWorkItems[0].Id, "collect", "clerk-1");
        }
        var rows = await CountAsync("SELECT count(*) FROM engine.outbox");
        rows.ShouldBe(120); // one work item opened + one instance completed each

        var bus = Services.GetRequiredService<IBusControl>();
        await bus.StartAsync();
        try
        {
            var meeting = new Meeting();
            var first = Dispatcher(new MeetingPublisher(new MassTransitOutboxPublisher(bus), meeting, 0), o => o.BatchSize = 7);
            var second = Dispatcher(new MeetingPublisher(new MassTransitOutboxPublisher(bus), meeting, 1), o => o.BatchSize = 7);
            var published = await DrainTogetherAsync(first, second);
            published.Sum().ShouldBe(120);
            published.ShouldAllBe(p => p > 0);

            await WaitUntilAsync(() => Received.Count == 120);
            Received.Values.ShouldAllBe(n => n == 1);
            (await CountAsync("SELECT count(*) FROM engine.outbox WHERE dispatched_at IS NULL")).ShouldBe(0);
            var ids = (await Db.Outbox.Select(o => o.Id).ToListAsyncSafe()).ToHashSet();
            Received.Keys.ToHashSet().SetEquals(ids).ShouldBeTrue();
        }
        finally { await bus.StopAsync(); }
    }

    /// <summary>The real bus, once both dispatchers have a publish in flight (see <see cref="Meeting"/>).</summary>
    private sealed class MeetingPublisher(IOutboxPublisher inner, Meeting meeting, int dispatcher) : IOutboxPublisher
    {
        public async Task PublishAsync(Guid messageId, object message, Type messageType, CancellationToken ct)
        {
            await meeting.ArriveAsync(dispatcher, ct);
            await inner.PublishAsync(messageId, message, messageType, ct);
        }
    }

    /// <summary>The real bus behind a broker that is down for the first publish.</summary>
    private sealed class BrokerDownOnce(IBus bus) : IOutboxPublisher
    {
        private int _calls;
        public Task PublishAsync(Guid messageId, object message, Type messageType, CancellationToken ct) =>
            Interlocked.Increment(ref _calls) == 1
                ? throw new InvalidOperationException("Broker unreachable")
                : new MassTransitOutboxPublisher(bus).PublishAsync(messageId, message, messageType, ct);
    }

    [Test]
    public async Task Should_leave_rows_for_the_next_run_when_publishing_fails()
    {
        await PublishAsync(SampleDefinitions.Guarded);
        await StartAsync("guarded", new { fee = 1 });
        var bus = Services.GetRequiredService<IBusControl>();
        await bus.StartAsync();
        try
        {
            var dispatcher = ActivatorUtilities.CreateInstance<OutboxDispatcher>(
                new OverridingProvider(Services, typeof(IOutboxPublisher), new BrokerDownOnce(bus)));
            (await dispatcher.DispatchBatchAsync(CancellationToken.None)).Published.ShouldBe(0);
            (await CountAsync("SELECT count(*) FROM engine.outbox WHERE dispatched_at IS NULL AND attempts = 1 AND last_error = 'InvalidOperationException: Broker unreachable'")).ShouldBe(1);
            (await dispatcher.DispatchBatchAsync(CancellationToken.None)).Published.ShouldBe(0); // not before its backoff
            Clock.Advance(TimeSpan.FromSeconds(3));
            (await dispatcher.DispatchBatchAsync(CancellationToken.None)).Published.ShouldBe(1);
            await WaitUntilAsync(() => Received.Count == 1);
            (await CountAsync("SELECT count(*) FROM engine.outbox WHERE dispatched_at IS NULL")).ShouldBe(0);
        }
        finally { await bus.StopAsync(); }
    }

    private sealed class OverridingProvider(IServiceProvider inner, Type type, object instance) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == type ? instance : serviceType == typeof(IServiceProvider) ? this : inner.GetService(serviceType);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out; received {Received.Count} messages.");
            await Task.Delay(20);
        }
    }
}

internal static class QueryableExtensions
{
    public static Task<List<T>> ToListAsyncSafe<T>(this IQueryable<T> q) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(q);
}

public sealed class When_an_outbox_row_has_no_mapped_type : EngineTest
{
    internal static readonly ConcurrentBag<WorkflowMessage> Received = [];

    private sealed class Recorder : IConsumer<WorkflowMessage>
    {
        public Task Consume(ConsumeContext<WorkflowMessage> context) { Received.Add(context.Message); return Task.CompletedTask; }
    }

    private sealed record CitizenToldSomething(string DossierCode, string Text);

    protected override void Configure(IServiceCollection services)
    {
        services.AddMassTransit(x => { x.AddConsumer<Recorder>(); x.UsingInMemory((c, cfg) => cfg.ConfigureEndpoints(c)); });
        services.AddSingleton<IOutboxPublisher, MassTransitOutboxPublisher>();
    }

    private const string Emitting = """
        id: emitting
        version: 1
        title: Emits a message
        inputs:
          - name: code
        steps:
          - id: tell
            kind: automatic
            emit:
              type: consultation-requested
              data:
                code: $code
                agency: tax
            next: done
          - id: done
            kind: end
            outcome: done
        """;

    [Test]
    public async Task Should_publish_the_whole_payload_in_an_envelope_naming_its_type()
    {
        Received.Clear();
        await PublishAsync(Emitting);
        var started = await Runtime.StartAsync(new StartInstance("emitting", new() { ["code"] = "X-1" }, BusinessKey: "X-1",
            Messages: [OutboxMessage.From(new CitizenToldSomething("X-1", "Hồ sơ đã được tiếp nhận"))]));
        started.Succeeded.ShouldBeTrue();

        var bus = Services.GetRequiredService<IBusControl>();
        await bus.StartAsync();
        try
        {
            while ((await Services.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync(CancellationToken.None)).Claimed > 0) { }
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (Received.Count < 2 && DateTime.UtcNow < deadline) await Task.Delay(20);
        }
        finally { await bus.StopAsync(); }

        var typed = Received.Single(m => m.Type == typeof(CitizenToldSomething).FullName);
        typed.Payload.ShouldContain("Hồ sơ đã được tiếp nhận");
        typed.InstanceId.ShouldBe(started.Value!.InstanceId);
        var emitted = Received.Single(m => m.Type == "consultation-requested");
        emitted.DefinitionId.ShouldBe("emitting");
        emitted.BusinessKey.ShouldBe("X-1");
        emitted.Payload.ShouldContain("\"agency\":\"tax\"");
        emitted.Payload.ShouldContain("\"code\":\"X-1\"");
    }
}
