using System.Text.Json;
using Engine.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Engine.Runtime;

/// <summary>
/// The transition hot path in hand-written SQL: one locking read, then one batch that writes the whole
/// <see cref="TransitionPlan"/> (instance row with its revision check, work items, timers, history, outbox).
/// </summary>
internal static class InstanceStore
{
    internal sealed record LoadedInstance(
        Guid Id, Guid DefinitionRecordId, string DefinitionId, int Version, string? BusinessKey,
        InstanceStatus Status, string Variables, List<Token> Tokens, int Revision);

    internal sealed record LoadedWorkItem(Guid Id, WorkItemStatus Status, string StepId, Guid TokenId, string? Assignee,
        string? ClaimedBy, DateTimeOffset? DueAt, string? UnitId, int Revision);

    private const string InstanceColumns =
        "i.id, i.definition_record_id, i.definition_id, i.definition_version, i.business_key, i.status, i.variables, i.tokens, i.revision";

    public static async Task<(LoadedInstance, LoadedWorkItem)?> LockByWorkItemAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid workItemId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            $"SELECT {InstanceColumns}, w.status, w.step_id, w.token_id, w.assignee, w.claimed_by, w.due_at, w.unit_id, w.revision " +
            "FROM engine.work_items w JOIN engine.instances i ON i.id = w.instance_id WHERE w.id = $1 FOR UPDATE", conn, tx)
        { Parameters = { new() { Value = workItemId } } };
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        var instance = ReadInstance(r);
        var item = new LoadedWorkItem(workItemId, Enum.Parse<WorkItemStatus>(r.GetString(9)), r.GetString(10), r.GetGuid(11),
            r.IsDBNull(12) ? null : r.GetString(12), r.IsDBNull(13) ? null : r.GetString(13),
            r.IsDBNull(14) ? null : r.GetFieldValue<DateTimeOffset>(14), r.IsDBNull(15) ? null : r.GetString(15), r.GetInt32(16));
        return (instance, item);
    }

    public static async Task<LoadedInstance?> LockInstanceAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid instanceId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"SELECT {InstanceColumns} FROM engine.instances i WHERE i.id = $1 FOR UPDATE", conn, tx)
        { Parameters = { new() { Value = instanceId } } };
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? ReadInstance(r) : null;
    }

    private static LoadedInstance ReadInstance(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetInt32(3), r.IsDBNull(4) ? null : r.GetString(4),
        Enum.Parse<InstanceStatus>(r.GetString(5)), r.GetString(6),
        JsonSerializer.Deserialize<List<Token>>(r.GetString(7), JsonDefaults.Options) ?? [], r.GetInt32(8));

    /// <summary>What the batch must also do besides writing the plan.</summary>
    internal sealed record WriteOptions(
        LoadedInstance? Existing,
        Guid? DefinitionRecordId = null,
        string? CreatedBy = null,
        Guid? CompletedWorkItem = null,
        string? CompletedBy = null,
        string? Action = null,
        Guid? FiredTimer = null);

    /// <summary>The savepoint the write of an existing instance starts with (see <see cref="WriteAsync"/>).</summary>
    private const string WriteSavepoint = "engine_write";

    /// <summary>
    /// Writes the plan in one round trip. Returns false, having written nothing, when the instance revision or the
    /// completed work item changed underneath (a concurrent transition won). Such a write begins with a savepoint in
    /// the same batch and is rolled back to it when refused, so a caller's transaction stays usable; a write that
    /// succeeds leaves the savepoint in place (the commit releases it) instead of spending a round trip on it.
    /// </summary>
    public static async Task<bool> WriteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, TransitionPlan plan, InstanceHeader header,
        WriteOptions options, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(conn, tx);
        var guarded = options.Existing is not null;
        if (guarded) batch.BatchCommands.Add(new NpgsqlBatchCommand($"SAVEPOINT {WriteSavepoint}"));
        var first = batch.BatchCommands.Count;
        var tokens = JsonSerializer.Serialize(plan.Tokens, JsonDefaults.Options);
        var variables = plan.Variables.ToJsonString();
        var completedAt = plan.Status is InstanceStatus.Completed or InstanceStatus.Cancelled ? plan.Now : (DateTimeOffset?)null;
        if (options.Existing is { } existing)
            batch.BatchCommands.Add(Command(
                "UPDATE engine.instances SET status = $1, outcome = $2, variables = $3, tokens = $4, revision = revision + 1, " +
                "updated_at = $5, completed_at = $6 WHERE id = $7 AND revision = $8",
                plan.Status.ToString(), plan.Outcome, Jsonb(variables), Jsonb(tokens), plan.Now, completedAt, plan.InstanceId, existing.Revision));
        else
            batch.BatchCommands.Add(Command(
                "INSERT INTO engine.instances (id, definition_record_id, definition_id, definition_version, business_key, status, outcome, " +
                "variables, tokens, revision, created_at, created_by, updated_at, completed_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,1,$10,$11,$10,$12)",
                plan.InstanceId, options.DefinitionRecordId!.Value, header.DefinitionId, header.Version, header.BusinessKey,
                plan.Status.ToString(), plan.Outcome, Jsonb(variables), Jsonb(tokens), plan.Now, options.CreatedBy, completedAt));

        if (options.CompletedWorkItem is { } done)
            batch.BatchCommands.Add(Command(
                "UPDATE engine.work_items SET status = 'Completed', completed_at = $2, completed_by = $3, action = $4, revision = revision + 1 " +
                "WHERE id = $1 AND status = 'Open'", done, plan.Now, options.CompletedBy, options.Action));
        if (options.FiredTimer is { } fired)
            batch.BatchCommands.Add(Command("UPDATE engine.timers SET status = 'Fired', fired_at = $2 WHERE id = $1 AND status = 'Pending'", fired, plan.Now));
        if (plan.CloseEverythingOpen)
        {
            batch.BatchCommands.Add(Command("UPDATE engine.work_items SET status = 'Cancelled', completed_at = $2, revision = revision + 1 WHERE instance_id = $1 AND status = 'Open'", plan.InstanceId, plan.Now));
            batch.BatchCommands.Add(Command("UPDATE engine.timers SET status = 'Cancelled' WHERE instance_id = $1 AND status = 'Pending'", plan.InstanceId));
        }
        AddWorkItems(batch, plan);
        AddTimers(batch, plan);
        AddHistory(batch, plan);
        AddOutbox(batch, plan);

        await batch.ExecuteNonQueryAsync(ct);
        var written = batch.BatchCommands[first].RecordsAffected == 1
            && (options.CompletedWorkItem is null || batch.BatchCommands[first + 1].RecordsAffected == 1);
        if (!written && guarded)
        {
            await using var undo = new NpgsqlCommand($"ROLLBACK TO SAVEPOINT {WriteSavepoint}", conn, tx);
            await undo.ExecuteNonQueryAsync(ct);
        }
        return written;
    }

    private static void AddWorkItems(NpgsqlBatch batch, TransitionPlan plan)
    {
        if (plan.OpenedWorkItems.Count == 0) return;
        var w = plan.OpenedWorkItems;
        batch.BatchCommands.Add(Command(
            "INSERT INTO engine.work_items (id, instance_id, token_id, definition_id, business_key, step_id, title, branch, role, unit_id, " +
            "assignee, status, budget, created_at, due_at, revision) " +
            "SELECT u.*, 1 FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], " +
            "$9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::timestamptz[], $15::timestamptz[]) AS u",
            w.Select(x => x.Id).ToArray(), w.Select(x => x.InstanceId).ToArray(), w.Select(x => x.TokenId).ToArray(),
            w.Select(x => x.DefinitionId).ToArray(), w.Select(x => x.BusinessKey).ToArray(), w.Select(x => x.StepId).ToArray(),
            w.Select(x => x.Title).ToArray(), w.Select(x => x.Branch).ToArray(), w.Select(x => x.Role).ToArray(),
            w.Select(x => x.UnitId).ToArray(), w.Select(x => x.Assignee).ToArray(), w.Select(x => x.Status).ToArray(),
            w.Select(x => x.Budget).ToArray(), w.Select(x => x.CreatedAt).ToArray(), w.Select(x => x.DueAt).ToArray()));
    }

    private static void AddTimers(NpgsqlBatch batch, TransitionPlan plan)
    {
        foreach (var t in plan.NewTimers)
            batch.BatchCommands.Add(Command(
                "INSERT INTO engine.timers (id, instance_id, token_id, step_id, kind, work_item_id, data, due_at, next_attempt_at, attempts, status, created_at) " +
                "VALUES ($1,$2,$3,$4,$5,$6,$7::jsonb,$8,$8,0,$9,$10)",
                t.Id, t.InstanceId, t.TokenId, t.StepId, t.Kind, t.WorkItemId, t.Data, t.DueAt, t.Status, t.CreatedAt));
    }

    private static void AddHistory(NpgsqlBatch batch, TransitionPlan plan)
    {
        if (plan.History.Count == 0) return;
        var h = plan.History;
        batch.BatchCommands.Add(Command(
            "INSERT INTO engine.history (instance_id, at, kind, actor, from_step, to_step, action, comment, work_item_id, data) " +
            "SELECT u.instance_id, u.at, u.kind, u.actor, u.from_step, u.to_step, u.action, u.comment, u.work_item_id, u.data " +
            "FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::uuid[], $10::jsonb[]) " +
            "WITH ORDINALITY AS u(instance_id, at, kind, actor, from_step, to_step, action, comment, work_item_id, data, ord) ORDER BY u.ord",
            h.Select(x => x.InstanceId).ToArray(), h.Select(x => x.At).ToArray(), h.Select(x => x.Kind).ToArray(),
            h.Select(x => x.Actor).ToArray(), h.Select(x => x.FromStep).ToArray(), h.Select(x => x.ToStep).ToArray(),
            h.Select(x => x.Action).ToArray(), h.Select(x => x.Comment).ToArray(), h.Select(x => x.WorkItemId).ToArray(),
            new NpgsqlParameter { Value = h.Select(x => x.Data).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb }));
    }

    private static void AddOutbox(NpgsqlBatch batch, TransitionPlan plan)
    {
        if (plan.Outbox.Count == 0) return;
        var o = plan.Outbox;
        batch.BatchCommands.Add(Command(
            "INSERT INTO engine.outbox (id, instance_id, type, payload, created_at, attempts) " +
            "SELECT u.id, u.instance_id, u.type, u.payload, $5, 0 FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::jsonb[]) " +
            "WITH ORDINALITY AS u(id, instance_id, type, payload, ord) ORDER BY ord",
            o.Select(x => x.Id).ToArray(), o.Select(x => x.InstanceId).ToArray(), o.Select(x => x.Type).ToArray(),
            new NpgsqlParameter { Value = o.Select(x => x.Payload).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb },
            plan.Now));
    }

    private static NpgsqlParameter Jsonb(string json) => new() { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb };

    internal static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        foreach (var v in values)
            cmd.Parameters.Add(v as NpgsqlParameter ?? new NpgsqlParameter { Value = v ?? DBNull.Value });
        return cmd;
    }
}
