using Engine.Outbox;
using Engine.Runtime;
using Npgsql;

namespace Engine.Tests.Outbox;

/// <summary>
/// Messages a use case records with its own change (outside a transition) go through the engine, which takes the
/// instance's lock first: their sequence then follows the instance's earlier messages in commit order, and the
/// dispatchers' per-instance order holds for them too.
/// </summary>
public sealed class When_a_caller_writes_messages_of_an_instance : EngineTest
{
    [Test]
    public async Task Should_wait_for_a_transition_of_the_instance_holding_its_lock()
    {
        await PublishAsync(SampleDefinitions.Approval);
        var started = await StartAsync("approval", new { applicant = "A" });
        await using var holder = await DataSource.OpenConnectionAsync();
        await using var holding = await holder.BeginTransactionAsync();
        await using (var lockIt = new NpgsqlCommand($"SELECT 1 FROM engine.instances WHERE id = '{started.InstanceId}' FOR UPDATE", holder, holding))
            await lockIt.ExecuteNonQueryAsync();

        await using var writer = await DataSource.OpenConnectionAsync();
        await using var writing = await writer.BeginTransactionAsync();
        await using (var timeout = new NpgsqlCommand("SET LOCAL lock_timeout = '300ms'", writer, writing)) await timeout.ExecuteNonQueryAsync();
        var message = new OutboxMessage("dossier-noted", new System.Text.Json.Nodes.JsonObject { ["code"] = "HS-1" });
        var waited = await Should.ThrowAsync<PostgresException>(() => OutboxWriter.WriteAsync(writing, started.InstanceId, [message], Clock.GetUtcNow(), default));
        waited.SqlState.ShouldBe(PostgresErrorCodes.LockNotAvailable);
    }

    [Test]
    public async Task Should_write_messages_without_an_instance_in_their_order_and_with_their_ids()
    {
        var ids = new[] { Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7() };
        await using var conn = await DataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await OutboxWriter.WriteAsync(tx, null, ids.Reverse().Select((id, n) => new OutboxMessage("note", new System.Text.Json.Nodes.JsonObject { ["n"] = n }, id)).ToList(),
            Clock.GetUtcNow(), default);
        await tx.CommitAsync();
        await using var read = DataSource.CreateCommand("SELECT id FROM engine.outbox ORDER BY sequence");
        var order = new List<Guid>();
        await using (var r = await read.ExecuteReaderAsync())
            while (await r.ReadAsync()) order.Add(r.GetGuid(0));
        order.ShouldBe(ids.Reverse());
    }
}
