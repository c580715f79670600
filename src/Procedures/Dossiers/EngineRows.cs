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
    public static async Task<List<DossierWorkItem>> WorkItemsAsync(NpgsqlTransaction tx, Guid instanceId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "SELECT id, step_id, title, role, unit_id, assignee, claimed_by, branch, created_at, due_at, status " +
            "FROM engine.work_items WHERE instance_id = $1 ORDER BY created_at, id", tx.Connection, tx)
        { Parameters = { new() { Value = instanceId } } };
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var items = new List<DossierWorkItem>();
        while (await r.ReadAsync(ct))
            items.Add(new DossierWorkItem(r.GetGuid(0), r.GetString(1), Text(r, 2), r.GetString(3), Text(r, 4), Text(r, 5), Text(r, 6),
                Text(r, 7), r.GetFieldValue<DateTimeOffset>(8), r.IsDBNull(9) ? null : r.GetFieldValue<DateTimeOffset>(9),
                r.GetString(10) == nameof(WorkItemStatus.Open)));
        return items;
    }

    public static async Task AddOutboxAsync(NpgsqlTransaction tx, Guid? instanceId, DateTimeOffset now, OutboxMessage message, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "INSERT INTO engine.outbox (id, instance_id, type, payload, created_at, attempts) VALUES ($1, $2, $3, $4, $5, 0)", tx.Connection, tx)
        {
            Parameters =
            {
                new() { Value = message.Id ?? Guid.CreateVersion7(now) },
                new() { Value = (object?)instanceId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid },
                new() { Value = message.Type },
                new() { Value = message.Payload.ToJsonString(), NpgsqlDbType = NpgsqlDbType.Jsonb },
                new() { Value = now },
            },
        };
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Whether the instance's variable <paramref name="name"/> is the JSON value <c>true</c>.</summary>
    public static async Task<bool> FlagAsync(NpgsqlTransaction tx, Guid instanceId, string name, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT coalesce((variables::jsonb -> $2) = 'true'::jsonb, false) FROM engine.instances WHERE id = $1",
            tx.Connection, tx) { Parameters = { new() { Value = instanceId }, new() { Value = name } } };
        return await cmd.ExecuteScalarAsync(ct) is true;
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
