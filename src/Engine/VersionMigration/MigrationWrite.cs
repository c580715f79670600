using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Runtime;
using Npgsql;
using NpgsqlTypes;

namespace Engine.VersionMigration;

/// <summary>
/// Writes one instance's move in one round trip, under the instance's lock: the instance row (version, tokens, revision),
/// its open work items, its timers, and the <c>Migrated</c> history row. Statements keep the same text from instance to
/// instance, so each is prepared once per connection.
/// </summary>
internal static class MigrationWrite
{
    public static async Task<bool> WriteAsync(EngineTransaction tx, InstanceSnapshot snapshot, InstanceMove move, MigrationVersions versions,
        MigrationRequest request, DateTimeOffset now, CancellationToken ct)
    {
        var instance = snapshot.Instance;
        await using var batch = tx.Batch();
        var first = batch.BatchCommands.Count;
        batch.BatchCommands.Add(InstanceStore.Command(
            "UPDATE engine.instances SET definition_record_id = $2, definition_version = $3, tokens = $4, revision = revision + 1, updated_at = $5 " +
            "WHERE id = $1 AND revision = $6 AND definition_record_id = $7",
            instance.Id, versions.ToRecordId, versions.To.Version, Jsonb(JsonSerializer.Serialize(move.Tokens, JsonDefaults.Options)), now,
            instance.Revision, versions.FromRecordId));
        var w = move.WorkItems;
        if (w.Count > 0)
            batch.BatchCommands.Add(InstanceStore.Command(
                "UPDATE engine.work_items w SET step_id = u.step_id, title = u.title, role = u.role, budget = u.budget, revision = w.revision + 1 " +
                "FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(id, step_id, title, role, budget) " +
                "WHERE w.id = u.id AND w.status = 'Open'",
                w.Select(x => x.Id).ToArray(), w.Select(x => x.StepId).ToArray(), w.Select(x => x.Title).ToArray(),
                w.Select(x => x.Role).ToArray(), w.Select(x => x.Budget).ToArray()));
        if (move.TimerSteps.Count > 0)
            batch.BatchCommands.Add(InstanceStore.Command(
                "UPDATE engine.timers t SET step_id = u.step_id FROM unnest($1::uuid[], $2::text[]) AS u(id, step_id) WHERE t.id = u.id AND t.status = 'Pending'",
                move.TimerSteps.Select(x => x.Id).ToArray(), move.TimerSteps.Select(x => x.StepId).ToArray()));
        if (move.CancelledTimers.Count > 0)
            batch.BatchCommands.Add(InstanceStore.Command(
                "UPDATE engine.timers SET status = 'Cancelled', leased_until = NULL WHERE id = ANY($1) AND status = 'Pending'", move.CancelledTimers.ToArray()));
        AddTimers(batch, move);
        batch.BatchCommands.Add(InstanceStore.Command(
            "INSERT INTO engine.history (instance_id, at, kind, actor, comment, data) VALUES ($1, $2, 'Migrated', $3, $4, $5)",
            instance.Id, now, request.Actor, request.Reason, Jsonb(HistoryData(move, versions).ToJsonString())));
        await batch.ExecuteNonQueryAsync(ct);
        if (batch.BatchCommands[first].RecordsAffected == 1) return true;
        await tx.UndoAsync(ct);
        return false;
    }

    private static void AddTimers(NpgsqlBatch batch, InstanceMove move)
    {
        var t = move.NewTimers;
        if (t.Count == 0) return;
        batch.BatchCommands.Add(InstanceStore.Command(
            "INSERT INTO engine.timers (id, instance_id, token_id, step_id, kind, work_item_id, data, due_at, next_attempt_at, attempts, status, created_at) " +
            "SELECT u.id, u.instance_id, u.token_id, u.step_id, u.kind, u.work_item_id, u.data, u.due_at, u.due_at, 0, u.status, u.created_at " +
            "FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::uuid[], $7::jsonb[], $8::timestamptz[], $9::text[], $10::timestamptz[]) " +
            "AS u(id, instance_id, token_id, step_id, kind, work_item_id, data, due_at, status, created_at)",
            t.Select(x => x.Id).ToArray(), t.Select(x => x.InstanceId).ToArray(), t.Select(x => x.TokenId).ToArray(),
            t.Select(x => x.StepId).ToArray(), t.Select(x => x.Kind).ToArray(), t.Select(x => x.WorkItemId).ToArray(),
            new NpgsqlParameter { Value = t.Select(x => x.Data).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb },
            t.Select(x => x.DueAt).ToArray(), t.Select(x => x.Status).ToArray(), t.Select(x => x.CreatedAt).ToArray()));
    }

    /// <summary>The audit record: from and to which version, the pairs of the mapping this instance used, and what changed.</summary>
    public static JsonObject HistoryData(InstanceMove move, MigrationVersions versions) => new()
    {
        ["fromVersion"] = versions.From.Version,
        ["toVersion"] = versions.To.Version,
        ["mapping"] = JsonSerializer.SerializeToNode(move.Mapping, JsonDefaults.Options),
        ["changes"] = JsonSerializer.SerializeToNode(move.Changes, JsonDefaults.Options),
    };

    private static NpgsqlParameter Jsonb(string json) => new() { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb };
}
