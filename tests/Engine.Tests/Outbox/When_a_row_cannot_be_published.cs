using Engine.Outbox;
using Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Engine.Tests.Outbox;

public sealed class When_a_row_cannot_be_published : OutboxTest
{
    private readonly CapturedLogs _logs = new();

    protected override void Configure(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(_logs);

    [Test]
    public async Task Should_retry_an_unreadable_row_with_growing_delays_then_park_it_while_a_thousand_others_are_delivered()
    {
        var instances = Enumerable.Range(0, 100).Select(_ => Guid.NewGuid()).ToArray();
        var others = Enumerable.Range(0, 1000).Select(i => Note(i % 10 == 0 ? null : instances[i % 100], i)).ToArray();
        var stuck = Guid.NewGuid();
        var ids = await WriteAsync([.. others[..500], (stuck, EngineEventTypes.WorkItemOpened, """{"workItemId":"not-a-guid"}"""),
            Note(stuck, 1), Note(stuck, 2), .. others[500..]]);
        var (poison, followers) = (ids[500], ids[501..503]);
        var publisher = new RecordingPublisher();
        var dispatcher = Dispatcher(publisher);

        var delays = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            await DrainAsync(dispatcher);
            if (attempt == 1) publisher.Published.Count.ShouldBe(1000, "every other row goes out in the first runs");
            (await ScalarAsync<int>("SELECT attempts FROM engine.outbox WHERE id = $1", poison)).ShouldBe(attempt);
            var next = await ScalarAsync<object>("SELECT next_attempt_at FROM engine.outbox WHERE id = $1", poison);
            if (attempt == 10) break;
            next.ShouldBeOfType<DateTime>();
            var at = new DateTimeOffset((DateTime)next, TimeSpan.Zero);
            delays.Add(at - Clock.GetUtcNow());
            Clock.Set(at);
        }

        delays[0].ShouldBeInRange(TimeSpan.FromSeconds(1.6), TimeSpan.FromSeconds(2));
        delays[8].ShouldBeInRange(TimeSpan.FromSeconds(512 * 0.8), TimeSpan.FromSeconds(512));
        delays.Zip(delays.Skip(1)).ShouldAllBe(pair => pair.Second > pair.First);
        (await ScalarAsync<DateTime>("SELECT parked_at FROM engine.outbox WHERE id = $1", poison)).ShouldBe(Clock.GetUtcNow().UtcDateTime);
        (await ScalarAsync<string>("SELECT last_error FROM engine.outbox WHERE id = $1", poison)).ShouldContain("cannot be read as WorkItemOpened");
        publisher.Published.ShouldNotContain(poison);
        publisher.Published.TakeLast(2).ShouldBe(followers, "once parked, the row no longer holds back its instance");
        publisher.Published.Count.ShouldBe(1002);
        publisher.Published.Distinct().Count().ShouldBe(1002);
        var aboutPoison = _logs.Entries.Where(e => e.Category == typeof(OutboxDispatcher).FullName && e.Message.Contains(poison.ToString())).ToList();
        aboutPoison.Count(e => e.Level == LogLevel.Warning).ShouldBe(9);
        aboutPoison.Where(e => e.Level == LogLevel.Error).ShouldHaveSingleItem().Message.ShouldContain("parked");
    }

    [Test]
    public async Task Should_park_a_row_the_broker_keeps_refusing_and_show_it_to_the_operator()
    {
        var instance = Guid.NewGuid();
        var ids = await WriteAsync([Note(instance, 1), .. Enumerable.Range(0, 50).Select(i => Note(Guid.NewGuid(), i))]);
        var refused = ids[0];
        var publisher = new RecordingPublisher((id, _) => id == refused ? throw new InvalidOperationException("Message too large") : Task.CompletedTask);
        var dispatcher = Dispatcher(publisher, o => (o.MaxAttempts, o.BaseDelay) = (3, TimeSpan.FromSeconds(1)));

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await DrainAsync(dispatcher);
            Clock.Advance(TimeSpan.FromSeconds(2 * attempt));
        }

        publisher.Published.Count.ShouldBe(50);
        await using var scope = NewScope();
        var parked = scope.ServiceProvider.GetRequiredService<ParkedMessages>();
        (await parked.CountAsync()).ShouldBe(1);
        var shown = (await parked.ListAsync()).ShouldHaveSingleItem();
        (shown.Id, shown.InstanceId, shown.Type, shown.Attempts).ShouldBe((refused, instance, NoteType, 3));
        shown.LastError.ShouldBe("InvalidOperationException: Message too large");
        shown.Payload.ShouldBe("""{"n": 1}""");
        _logs.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.Contains(refused.ToString())).ShouldBe(2);
        _logs.Entries.Count(e => e.Level == LogLevel.Error && e.Message.Contains(refused.ToString())).ShouldBe(1);
    }
}
