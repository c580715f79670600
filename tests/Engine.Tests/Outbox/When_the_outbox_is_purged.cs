using Engine.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Tests.Outbox;

public sealed class When_the_outbox_is_purged : OutboxTest
{
    private const int BatchSize = 7;

    protected override void Configure(IServiceCollection services) =>
        services.AddOptions<OutboxOptions>().Configure(o => o.PurgeBatchSize = BatchSize);

    /// <summary>A statement-level trigger notes how many rows each DELETE took, to see the batches from the database's side.</summary>
    [SetUp]
    public async Task CountRowsPerDeleteStatement() => await ExecuteAsync("""
        CREATE TABLE public.purge_statements (table_name text, deleted int);
        CREATE FUNCTION public.note_purge() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO public.purge_statements SELECT TG_TABLE_NAME, count(*) FROM gone; RETURN NULL; END $$;
        CREATE TRIGGER note_purge AFTER DELETE ON engine.outbox REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION public.note_purge();
        CREATE TRIGGER note_purge AFTER DELETE ON engine.processed_messages REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION public.note_purge();
        """);

    [TearDown]
    public async Task DropTheCounter() => await ExecuteAsync("""
        DROP TRIGGER note_purge ON engine.outbox; DROP TRIGGER note_purge ON engine.processed_messages;
        DROP FUNCTION public.note_purge(); DROP TABLE public.purge_statements;
        """);

    [Test]
    public async Task Should_delete_only_rows_older_than_their_retention_a_batch_per_statement()
    {
        var now = Clock.GetUtcNow();
        await SetUpRowsAsync("dispatched_at", 30, now - TimeSpan.FromDays(8));
        await SetUpRowsAsync("dispatched_at", 5, now - TimeSpan.FromDays(6));
        await SetUpRowsAsync("discarded_at", 9, now - TimeSpan.FromDays(7.5));
        await SetUpRowsAsync("discarded_at", 2, now - TimeSpan.FromDays(1));
        await SetUpRowsAsync(null, 4, now - TimeSpan.FromDays(30)); // old but never sent: pending rows are kept whatever their age
        await SetUpProcessedAsync(25, now - TimeSpan.FromDays(15));
        await SetUpProcessedAsync(4, now - TimeSpan.FromDays(13));

        var purged = await Services.GetRequiredService<OutboxPurge>().PurgeAsync(CancellationToken.None);

        purged.ShouldBe(new OutboxPurgeResult(Sent: 30, Discarded: 9, Processed: 25));
        (await CountAsync("SELECT count(*) FROM engine.outbox WHERE dispatched_at IS NOT NULL")).ShouldBe(5);
        (await CountAsync("SELECT count(*) FROM engine.outbox WHERE discarded_at IS NOT NULL")).ShouldBe(2);
        (await CountAsync("SELECT count(*) FROM engine.outbox WHERE dispatched_at IS NULL AND discarded_at IS NULL")).ShouldBe(4);
        (await CountAsync("SELECT count(*) FROM engine.processed_messages")).ShouldBe(4);
        (await CountAsync("SELECT max(deleted) FROM public.purge_statements")).ShouldBe(BatchSize);
        (await CountAsync("SELECT count(*) FROM public.purge_statements WHERE table_name = 'outbox'")).ShouldBe(5 + 2, "30 rows take 5 statements, 9 take 2");
        (await CountAsync("SELECT count(*) FROM public.purge_statements WHERE table_name = 'processed_messages'")).ShouldBe(4);
    }

    private async Task SetUpRowsAsync(string? column, int count, DateTimeOffset at)
    {
        var ids = await WriteAsync([.. Enumerable.Range(0, count).Select(i => Note(null, i))]);
        if (column is null) return;
        var parked = column == "discarded_at" ? ", parked_at = $2" : ""; // only a parked row can be discarded
        await using var command = DataSource.CreateCommand($"UPDATE engine.outbox SET {column} = $2{parked} WHERE id = ANY($1)");
        command.Parameters.Add(new() { Value = ids });
        command.Parameters.Add(new() { Value = at });
        await command.ExecuteNonQueryAsync();
    }

    private async Task SetUpProcessedAsync(int count, DateTimeOffset at)
    {
        await using var command = DataSource.CreateCommand(
            "INSERT INTO engine.processed_messages (consumer, message_id, processed_at) SELECT 'test-consumer', gen_random_uuid(), $2 FROM generate_series(1, $1)");
        command.Parameters.Add(new() { Value = count });
        command.Parameters.Add(new() { Value = at });
        await command.ExecuteNonQueryAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
