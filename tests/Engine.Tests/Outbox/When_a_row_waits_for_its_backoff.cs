using Engine.Outbox;

namespace Engine.Tests.Outbox;

public sealed class When_a_row_waits_for_its_backoff : OutboxTest
{
    private Guid[] _ids = [];
    private Guid A1 => _ids[0];
    private Guid[] LaterOfA => _ids[1..3];
    private Guid[] Others => _ids[3..];

    [SetUp]
    public async Task WriteTwoInstancesAndAFreeRow()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        _ids = await WriteAsync(Note(a, 1), Note(a, 2), Note(a, 3), Note(b, 1), Note(b, 2), Note(null, 1));
    }

    /// <summary>Refuses the first row of instance A the first <paramref name="times"/> times it is offered.</summary>
    private RecordingPublisher RefusingA1(int times)
    {
        var refusals = 0;
        return new RecordingPublisher((id, _) => id == A1 && Interlocked.Increment(ref refusals) <= times
            ? throw new InvalidOperationException("Broker refused") : Task.CompletedTask);
    }

    [Test]
    public async Task Should_hold_back_the_later_rows_of_its_instance_but_not_the_other_rows()
    {
        var publisher = RefusingA1(times: 1);
        var dispatcher = Dispatcher(publisher, o => o.PublishConcurrency = 1);

        await DrainAsync(dispatcher);

        publisher.Published.ShouldBe(Others, ignoreOrder: true);
        (await ScalarAsync<long>("SELECT count(*) FROM engine.outbox WHERE id = ANY($1) AND dispatched_at IS NULL AND leased_until IS NULL", LaterOfA))
            .ShouldBe(2, "the rows after the failed one were given back, not left leased");
        (await dispatcher.DispatchBatchAsync(CancellationToken.None)).Claimed.ShouldBe(0, "nothing of A goes before A1's next attempt");

        Clock.Advance(TimeSpan.FromSeconds(2));
        await DrainAsync(dispatcher);
        publisher.Published.Skip(3).ShouldBe([A1, .. LaterOfA]);
    }

    [Test]
    public async Task Should_no_longer_hold_back_the_later_rows_once_parked()
    {
        var publisher = RefusingA1(times: int.MaxValue);
        var dispatcher = Dispatcher(publisher, o => o.MaxAttempts = 1);

        await DrainAsync(dispatcher);

        (await ScalarAsync<long>("SELECT count(*) FROM engine.outbox WHERE id = $1 AND parked_at IS NOT NULL", A1)).ShouldBe(1);
        publisher.Published.Where(LaterOfA.Contains).ShouldBe(LaterOfA);
        publisher.Published.Count.ShouldBe(5);
    }
}
