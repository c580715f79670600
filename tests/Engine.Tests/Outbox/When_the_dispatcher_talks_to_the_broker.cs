using Engine.Hosting;
using Npgsql;

namespace Engine.Tests.Outbox;

public sealed class When_the_dispatcher_talks_to_the_broker : OutboxTest
{
    private const string Application = "outbox-dispatcher-under-test";

    [Test]
    public async Task Should_hold_no_transaction_nor_row_lock_while_publishing()
    {
        var ids = await WriteAsync(Note(Guid.NewGuid(), 1), Note(null, 2), Note(Guid.NewGuid(), 3));
        var seen = new List<(Guid Id, string Locked, long IdleInTransaction, long Connections)>();
        var publisher = new RecordingPublisher(async (id, _) => seen.Add((id, await LockAsync(id), await CountAsync(
            $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{Application}' AND state LIKE 'idle in transaction%'"), await CountAsync(
            $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{Application}'"))));
        await using var dispatcherSource = EngineServiceCollectionExtensions.BuildDataSource(
            new NpgsqlConnectionStringBuilder(EngineDatabase.ConnectionString) { ApplicationName = Application }.ConnectionString);

        await DrainAsync(Dispatcher(publisher, o => o.PublishConcurrency = 1, dispatcherSource));

        seen.Select(s => s.Id).ShouldBe(ids, ignoreOrder: true);
        seen.ShouldAllBe(s => s.Locked == "locked by the test" && s.IdleInTransaction == 0 && s.Connections > 0);
    }

    /// <summary>Locks the row from another connection without waiting: it fails at once if the dispatcher still holds the row.</summary>
    private async Task<string> LockAsync(Guid id)
    {
        await using var conn = await DataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("SELECT 'locked by the test' FROM engine.outbox WHERE id = $1 FOR UPDATE NOWAIT", conn, tx)
        { Parameters = { new() { Value = id } } };
        try { return (string)(await command.ExecuteScalarAsync())!; }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable) { return "held by the dispatcher"; }
    }
}
