using System.Text.Json;
using Engine.Hosting;
using Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Engine.Outbox;

/// <summary>
/// Publishes committed outbox rows in order and marks them dispatched. Rows are claimed with
/// <c>FOR UPDATE SKIP LOCKED</c>, so several dispatchers (processes) never publish the same row; a crash
/// between publish and mark re-publishes with the same message id, which consumers dedupe.
/// </summary>
public sealed class OutboxDispatcher(
    NpgsqlDataSource dataSource,
    IServiceProvider services,
    OutboxTypeMap types,
    TimeProvider clock,
    IOptions<EngineWorkerOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>Publishes one batch; returns how many rows were published.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        var publisher = services.GetRequiredService<IOutboxPublisher>();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var rows = new List<(Guid Id, Guid? InstanceId, string Type, string Payload)>();
        await using (var select = new NpgsqlCommand(
            "SELECT id, instance_id, type, payload FROM engine.outbox WHERE dispatched_at IS NULL ORDER BY sequence LIMIT $1 FOR UPDATE SKIP LOCKED", conn, tx)
            { Parameters = { new() { Value = options.Value.BatchSize } } })
        await using (var r = await select.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                rows.Add((r.GetGuid(0), r.IsDBNull(1) ? null : r.GetGuid(1), r.GetString(2), r.GetString(3)));
        if (rows.Count == 0) return 0;

        var published = new List<Guid>();
        foreach (var row in rows)
        {
            try
            {
                var type = types.Resolve(row.Type);
                var message = type is null
                    ? new WorkflowMessage(row.InstanceId ?? Guid.Empty, "", null, row.Type, row.Payload)
                    : JsonSerializer.Deserialize(row.Payload, type, JsonDefaults.Options)!;
                type ??= typeof(WorkflowMessage);
                await publisher.PublishAsync(row.Id, message, type, ct);
                published.Add(row.Id);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Outbox message {MessageId} ({Type}) could not be published; it will be retried", row.Id, row.Type);
                await using var fail = new NpgsqlCommand("UPDATE engine.outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1", conn, tx)
                { Parameters = { new() { Value = row.Id }, new() { Value = e.Message } } };
                await fail.ExecuteNonQueryAsync(ct);
                break; // keep order: later rows wait for this one
            }
        }
        await using (var mark = new NpgsqlCommand(
            "UPDATE engine.outbox SET dispatched_at = $2, attempts = attempts + 1 WHERE id = ANY($1)", conn, tx)
            { Parameters = { new() { Value = published.ToArray() }, new() { Value = clock.GetUtcNow() } } })
            await mark.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return published.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DispatchBatchAsync(stoppingToken) > 0) continue;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Outbox dispatch failed");
            }
            try { await Task.Delay(options.Value.OutboxPollInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
