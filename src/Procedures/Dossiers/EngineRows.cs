using Engine.Runtime;
using Npgsql;
using NpgsqlTypes;

namespace Procedures.Dossiers;

/// <summary>A work item of the dossier's workflow instance as a use case sees it.</summary>
public sealed record DossierWorkItem(
    Guid Id, string StepId, string? Title, string Role, string? UnitId, string? Assignee, string? ClaimedBy,
    string? Branch, DateTimeOffset CreatedAt, DateTimeOffset? DueAt, bool IsOpen)
{
    public Guid? Unit => Guid.TryParse(UnitId, out var id) ? id : null;
}

/// <summary>
/// Reads of the engine's tables inside the use case's own transaction (the engine's query services use their own
/// connection and would not see rows this transaction wrote), and the outbox insert for facts that do not go
/// through an engine transition (an apology, a withdrawn online submission).
/// </summary>
internal static class EngineRows
{
    private const string WorkItemColumns = "SELECT id, step_id, title, role, unit_id, assignee, claimed_by, branch, created_at, due_at, status FROM engine.work_items ";
    private const string WorkItemsSql = WorkItemColumns + "WHERE instance_id = $1 ORDER BY created_at, id";

    /// <summary>The work items of the workflow of the dossier <c>$1</c>.</summary>
    internal const string WorkItemsOfDossierSql = WorkItemColumns +
        "WHERE instance_id = (SELECT workflow_instance_id FROM procedures.dossiers WHERE id = $1) ORDER BY created_at, id";

    private const string FlagSql = "SELECT coalesce((variables::jsonb -> $2) = 'true'::jsonb, false) FROM engine.instances WHERE id = $1";

    public static async Task<List<DossierWorkItem>> WorkItemsAsync(NpgsqlTransaction tx, Guid instanceId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(WorkItemsSql, tx.Connection, tx) { Parameters = { new() { Value = instanceId } } };
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await ReadWorkItemsAsync(r, ct);
    }

    /// <summary>The instance's work items and whether its variable <paramref name="flag"/> is <c>true</c>, in one round trip: what every move reads after it.</summary>
    public static async Task<(List<DossierWorkItem> Items, bool Flag)> WorkItemsAndFlagAsync(NpgsqlTransaction tx, Guid instanceId, string flag,
        CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(tx.Connection, tx)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(WorkItemsSql) { Parameters = { new() { Value = instanceId } } },
                new NpgsqlBatchCommand(FlagSql) { Parameters = { new() { Value = instanceId }, new() { Value = flag } } },
            },
        };
        await using var r = await batch.ExecuteReaderAsync(ct);
        var items = await ReadWorkItemsAsync(r, ct);
        await r.NextResultAsync(ct);
        return (items, await r.ReadAsync(ct) && r.GetBoolean(0));
    }

    internal static async Task<List<DossierWorkItem>> ReadWorkItemsAsync(NpgsqlDataReader r, CancellationToken ct)
    {
        var items = new List<DossierWorkItem>();
        while (await r.ReadAsync(ct))
            items.Add(new DossierWorkItem(r.GetGuid(0), r.GetString(1), Text(r, 2), r.GetString(3), Text(r, 4), Text(r, 5), Text(r, 6),
                Text(r, 7), r.GetFieldValue<DateTimeOffset>(8), r.IsDBNull(9) ? null : r.GetFieldValue<DateTimeOffset>(9),
                r.GetString(10) == nameof(WorkItemStatus.Open)));
        return items;
    }

    /// <summary>The step a path left in this transaction's latest move of the instance (the engine's <c>TokenMoved</c> history row).</summary>
    public static async Task<string?> LastMovedFromAsync(NpgsqlTransaction tx, Guid instanceId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "SELECT from_step FROM engine.history WHERE instance_id = $1 AND kind = 'TokenMoved' ORDER BY id DESC LIMIT 1", tx.Connection, tx)
        {
            Parameters = { new() { Value = instanceId } },
        };
        return await cmd.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>A message recorded with the use case's change, through the engine (which keeps the instance's messages in order).</summary>
    public static Task AddOutboxAsync(NpgsqlTransaction tx, Guid? instanceId, DateTimeOffset now, OutboxMessage message, CancellationToken ct) =>
        Engine.Outbox.OutboxWriter.WriteAsync(tx, instanceId, [message], now, ct);

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
