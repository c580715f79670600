using Microsoft.Extensions.Options;
using Npgsql;

namespace Engine.Outbox;

/// <summary>Rows one purge deleted, by kind.</summary>
public sealed record OutboxPurgeResult(int Sent, int Discarded, int Processed);

/// <summary>
/// Deletes what is no longer needed: outbox rows sent or discarded longer ago than
/// <see cref="OutboxOptions.SentRetention"/>, and consumers' processed-message records older than
/// <see cref="OutboxOptions.ProcessedRetention"/>. Each statement deletes at most <see cref="OutboxOptions.PurgeBatchSize"/>
/// rows, oldest first, and commits on its own, so no statement holds its locks for long.
/// </summary>
public sealed class OutboxPurge(NpgsqlDataSource dataSource, TimeProvider clock, IOptions<OutboxOptions> options)
{
    private const string SentSql = """
        DELETE FROM engine.outbox WHERE id IN (
            SELECT id FROM engine.outbox WHERE dispatched_at < $1 ORDER BY dispatched_at LIMIT $2)
        """;

    private const string DiscardedSql = """
        DELETE FROM engine.outbox WHERE id IN (
            SELECT id FROM engine.outbox WHERE discarded_at < $1 ORDER BY discarded_at LIMIT $2)
        """;

    private const string ProcessedSql = """
        DELETE FROM engine.processed_messages WHERE (consumer, message_id) IN (
            SELECT consumer, message_id FROM engine.processed_messages WHERE processed_at < $1 ORDER BY processed_at LIMIT $2)
        """;

    public Task<int> PurgeSentAsync(CancellationToken ct) => DeleteAsync(SentSql, options.Value.SentRetention, ct);
    public Task<int> PurgeDiscardedAsync(CancellationToken ct) => DeleteAsync(DiscardedSql, options.Value.SentRetention, ct);
    public Task<int> PurgeProcessedAsync(CancellationToken ct) => DeleteAsync(ProcessedSql, options.Value.ProcessedRetention, ct);

    public async Task<OutboxPurgeResult> PurgeAsync(CancellationToken ct) =>
        new(await PurgeSentAsync(ct), await PurgeDiscardedAsync(ct), await PurgeProcessedAsync(ct));

    /// <summary>Deletes in batches until a batch comes back short; returns how many rows went.</summary>
    private async Task<int> DeleteAsync(string sql, TimeSpan retention, CancellationToken ct)
    {
        var before = clock.GetUtcNow() - retention;
        var size = options.Value.PurgeBatchSize;
        var total = 0;
        while (true)
        {
            await using var command = dataSource.CreateCommand(sql);
            command.Parameters.Add(new() { Value = before });
            command.Parameters.Add(new() { Value = size });
            var deleted = await command.ExecuteNonQueryAsync(ct);
            total += deleted;
            if (deleted < size) return total;
        }
    }
}
