using System.Collections.Concurrent;
using Engine.Hosting;
using Npgsql;

namespace Engine.Tests.Outbox;

public sealed class When_two_dispatchers_publish_at_once : OutboxTest
{
    [Test]
    public async Task Should_deliver_each_instance_s_messages_once_and_in_sequence_order()
    {
        var instances = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToArray();
        // Instances take turns at random, as concurrent transitions would write them; some rows belong to no instance.
        var random = new Random(7);
        var next = new int[instances.Length];
        var rows = Enumerable.Range(0, 2000).Select(i =>
        {
            if (i % 7 == 0) return Note(null, i);
            var k = random.Next(instances.Length);
            return Note(instances[k], next[k]++);
        }).ToArray();
        var ids = await WriteAsync(rows);
        var instanceOf = ids.Zip(rows).ToDictionary(p => p.First, p => p.Second.Instance);
        var sequenceOf = await SequencesAsync(ids);

        var arrived = new ConcurrentQueue<(Guid Id, int Dispatcher)>();
        var meeting = new Meeting();
        RecordingPublisher Publisher(int dispatcher) => new(async (id, ct) =>
        {
            await meeting.ArriveAsync(dispatcher - 1, ct);
            if (Random.Shared.Next(10) == 0) await Task.Delay(1, ct); else await Task.Yield();
            arrived.Enqueue((id, dispatcher));
        });
        await using var first = EngineServiceCollectionExtensions.BuildDataSource(EngineDatabase.ConnectionString);
        await using var second = EngineServiceCollectionExtensions.BuildDataSource(EngineDatabase.ConnectionString);
        var dispatchers = new[] { Dispatcher(Publisher(1), o => o.BatchSize = 8, first), Dispatcher(Publisher(2), o => o.BatchSize = 8, second) };

        await DrainTogetherAsync(dispatchers);

        arrived.Select(a => a.Id).ShouldBe(ids, ignoreOrder: true);
        arrived.Select(a => a.Id).Distinct().Count().ShouldBe(ids.Length, "no row published twice");
        arrived.Select(a => a.Dispatcher).Distinct().Count().ShouldBe(2, "both dispatchers took part");
        foreach (var instance in instances)
        {
            var order = arrived.Where(a => instanceOf[a.Id] == instance).Select(a => sequenceOf[a.Id]).ToList();
            order.ShouldBe(order.Order().ToList(), $"instance {instance} in sequence order");
        }
        (await CountAsync("SELECT count(*) FROM engine.outbox WHERE dispatched_at IS NULL OR leased_until IS NOT NULL")).ShouldBe(0);
    }

    private async Task<Dictionary<Guid, long>> SequencesAsync(Guid[] ids)
    {
        await using var command = DataSource.CreateCommand("SELECT id, sequence FROM engine.outbox WHERE id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        var sequences = new Dictionary<Guid, long>();
        await using var r = await command.ExecuteReaderAsync();
        while (await r.ReadAsync()) sequences[r.GetGuid(0)] = r.GetInt64(1);
        return sequences;
    }
}
