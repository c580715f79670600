namespace Engine.Tests.Outbox;

public sealed class When_a_dispatcher_crashes : OutboxTest
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Test]
    public async Task Should_republish_only_the_rows_it_had_not_confirmed()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var ids = await WriteAsync([.. Enumerable.Range(0, 30).Select(i => Note(i % 3 == 0 ? a : i % 3 == 1 ? b : null, i))]);
        using var crash = new CancellationTokenSource();
        var calls = 0;
        var crashing = new RecordingPublisher((_, ct) =>
        {
            if (Interlocked.Increment(ref calls) <= 12) return Task.CompletedTask;
            crash.Cancel(); // the process goes down in the middle of the batch
            throw new OperationCanceledException(ct);
        });

        await Should.ThrowAsync<OperationCanceledException>(() => Dispatcher(crashing, o => o.Lease = Lease).DispatchBatchAsync(crash.Token));

        var confirmed = await SentAsync();
        confirmed.ShouldBe(crashing.Published, ignoreOrder: true);
        confirmed.Count.ShouldBe(12);
        var successor = new RecordingPublisher();
        (await DrainAsync(Dispatcher(successor))).ShouldBe(0, "the crashed dispatcher's leases still hold");

        Clock.Advance(Lease);
        await DrainAsync(Dispatcher(successor));

        successor.Published.ShouldBe(ids.Except(confirmed), ignoreOrder: true);
        foreach (var instance in new[] { a, b })
        {
            var rowsOf = ids.Where((_, i) => i % 3 == (instance == a ? 0 : 1)).ToList();
            crashing.Published.Concat(successor.Published).Where(rowsOf.Contains).ShouldBe(rowsOf, "each instance still in order across the crash");
        }
    }

    [Test]
    public async Task Should_let_another_dispatcher_take_over_its_rows_once_the_lease_expires()
    {
        var instance = Guid.NewGuid();
        var ids = await WriteAsync(Note(instance, 1), Note(instance, 2), Note(instance, 3), Note(null, 4));
        var entered = new TaskCompletionSource();
        var resume = new TaskCompletionSource();
        var stuck = new RecordingPublisher(async (_, _) =>
        {
            entered.TrySetResult();
            await resume.Task; // a broker call that hangs far longer than the lease
        });
        var hanging = Dispatcher(stuck, o => (o.Lease, o.PublishConcurrency) = (Lease, 1)).DispatchBatchAsync(CancellationToken.None);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(20));

        var other = new RecordingPublisher();
        var successor = Dispatcher(other, o => o.Lease = Lease);
        (await successor.DispatchBatchAsync(CancellationToken.None)).Claimed.ShouldBe(0);
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        await DrainAsync(successor);
        other.Published.ShouldBe(ids, ignoreOrder: true);
        other.Published.Where(ids[..3].Contains).ShouldBe(ids[..3]);

        resume.SetResult();
        var late = await hanging.WaitAsync(TimeSpan.FromSeconds(20));
        late.Published.ShouldBe(1, "the hung publish completes, but its lease is gone, so it publishes nothing more");
        stuck.Published.ShouldHaveSingleItem().ShouldBe(ids[0]);
        (await CountAsync("SELECT count(*) FROM engine.outbox WHERE dispatched_at IS NULL OR leased_until IS NOT NULL")).ShouldBe(0);
    }

    private async Task<List<Guid>> SentAsync()
    {
        await using var command = DataSource.CreateCommand("SELECT id FROM engine.outbox WHERE dispatched_at IS NOT NULL");
        var sent = new List<Guid>();
        await using var r = await command.ExecuteReaderAsync();
        while (await r.ReadAsync()) sent.Add(r.GetGuid(0));
        return sent;
    }
}
