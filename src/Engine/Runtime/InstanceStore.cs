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

    internal const string InstanceColumns =
        "i.id, i.definition_record_id, i.definition_id, i.definition_version, i.business_key, i.status, i.variables, i.tokens, i.revision";

    /// <summary>
    /// Locks the instance of a work item and the work item, in one statement. The instance is locked first (the order of the
    /// locking clauses), as in every engine operation, so two operations on one instance queue on its row instead of
    /// deadlocking on its work items. The work item is locked too rather than only read: a row read without a lock would be
    /// the version the statement's snapshot saw before it waited, not what the previous holder committed (a claim changes
    /// the work item and not the instance); a locked row is re-read at its latest version once the wait is over.
    /// </summary>
    public static async Task<(LoadedInstance, LoadedWorkItem)?> LockByWorkItemAsync(EngineTransaction tx, Guid workItemId, CancellationToken ct)
    {
        await using var batch = tx.Batch(LockByWorkItemSql, workItemId);
        (LoadedInstance, LoadedWorkItem)? loaded;
        await using (var r = await batch.ExecuteReaderAsync(ct))
            loaded = await r.ReadAsync(ct) ? (ReadInstance(r), ReadWorkItem(r, workItemId, at: 9)) : null;
        ReusedParameters.GiveBack(batch);
        return loaded;
    }

    private const string LockByWorkItemSql =
        $"SELECT {InstanceColumns}, w.status, w.step_id, w.token_id, w.assignee, w.claimed_by, w.due_at, w.unit_id, w.revision " +
        "FROM engine.work_items w JOIN engine.instances i ON i.id = w.instance_id WHERE w.id = $1 FOR UPDATE OF i FOR NO KEY UPDATE OF w";

    public static LoadedWorkItem ReadWorkItem(NpgsqlDataReader r, Guid id, int at = 0) =>
        new(id, Enum.Parse<WorkItemStatus>(r.GetString(at)), r.GetString(at + 1), r.GetGuid(at + 2),
            r.IsDBNull(at + 3) ? null : r.GetString(at + 3), r.IsDBNull(at + 4) ? null : r.GetString(at + 4),
            r.IsDBNull(at + 5) ? null : r.GetFieldValue<DateTimeOffset>(at + 5), r.IsDBNull(at + 6) ? null : r.GetString(at + 6), r.GetInt32(at + 7));

    public static async Task<LoadedInstance?> LockInstanceAsync(EngineTransaction tx, Guid instanceId, CancellationToken ct)
    {
        await using var batch = tx.Batch($"SELECT {InstanceColumns} FROM engine.instances i WHERE i.id = $1 FOR UPDATE", instanceId);
        await using var r = await batch.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? ReadInstance(r) : null;
    }

    internal static LoadedInstance ReadInstance(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetInt32(3), r.IsDBNull(4) ? null : r.GetString(4),
        Enum.Parse<InstanceStatus>(r.GetString(5)), r.GetString(6),
        JsonSerializer.Deserialize(r.GetString(7), TokenJson.Default.ListToken) ?? [], r.GetInt32(8));

    /// <summary>What the batch must also do besides writing the plan.</summary>
    internal sealed record WriteOptions(
        LoadedInstance? Existing,
        Guid? DefinitionRecordId = null,
        string? CreatedBy = null,
        Guid? CompletedWorkItem = null,
        string? CompletedBy = null,
        string? Action = null,
        Guid? FiredTimer = null,
        bool CancelDeadlines = false,
        int? RecoveredAfter = null,
        bool ReadOpenWork = true,
        bool NoOtherOpenWork = false,
        PendingWrite? Defer = null);

    /// <summary>
    /// Writes the plan in one round trip. Returns false, having undone the write (see <see cref="EngineTransaction.UndoAsync"/>),
    /// when the instance revision or the completed work item changed underneath (a concurrent transition won). The batch ends
    /// by reading the instance's open work items as the write left them (unless <see cref="WriteOptions.ReadOpenWork"/> is
    /// off) into <see cref="TransitionPlan.OpenAfter"/>, so a caller learns where the instance stands without a read of its own.
    /// When the caller knows that nothing else of the instance was open (<see cref="WriteOptions.NoOtherOpenWork"/>: a new
    /// instance, or one whose only path just moved) and the plan takes no other path's work away, what is open afterwards is
    /// what the plan opened, and the batch does not read it back.
    /// </summary>
    public static async Task<bool> WriteAsync(EngineTransaction tx, TransitionPlan plan, InstanceHeader header,
        WriteOptions options, CancellationToken ct)
    {
        var batch = tx.Batch();
        // A deferred batch is the caller's to send and dispose (Defer: a new instance, whose insert cannot miss its row).
        await using var owned = options.Defer is null ? batch : null;
        var first = batch.BatchCommands.Count;
        var tokens = JsonSerializer.Serialize(plan.Tokens, TokenJson.Default.ListToken);
        var completedAt = plan.Status is InstanceStatus.Completed or InstanceStatus.Cancelled ? plan.Now : (DateTimeOffset?)null;
        if (options.Existing is { } existing)
        {
            var (variables, merge) = plan.Variables.ForWrite();
            var update = Command(InstanceUpdate.Sql(variables is null ? InstanceUpdate.Kept : merge ? InstanceUpdate.Merged : InstanceUpdate.Replaced,
                plan.Outcome is not null, completedAt is not null), plan.Status.ToString(), Jsonb(tokens), plan.Now, plan.InstanceId, existing.Revision);
            if (variables is not null) update.Parameters.Add(ReusedParameters.Take(variables, NpgsqlDbType.Jsonb));
            if (plan.Outcome is not null) update.Parameters.Add(ReusedParameters.Take(plan.Outcome));
            if (completedAt is not null) update.Parameters.Add(ReusedParameters.Take(completedAt.Value));
            batch.BatchCommands.Add(update);
        }
        else
            batch.BatchCommands.Add(Command(
                "INSERT INTO engine.instances (id, definition_record_id, definition_id, definition_version, business_key, status, outcome, " +
                "variables, tokens, revision, created_at, created_by, updated_at, completed_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,1,$10,$11,$10,$12)",
                plan.InstanceId, options.DefinitionRecordId!.Value, header.DefinitionId, header.Version, header.BusinessKey,
                plan.Status.ToString(), plan.Outcome, Jsonb(plan.Variables.ForWrite().Json!), Jsonb(tokens), plan.Now, options.CreatedBy, completedAt));

        if (options.CompletedWorkItem is { } done)
            batch.BatchCommands.Add(Command(
                "UPDATE engine.work_items SET status = 'Completed', completed_at = $2, completed_by = $3, action = $4, revision = revision + 1 " +
                "WHERE id = $1 AND status = 'Open'", done, plan.Now, options.CompletedBy, options.Action));
        if (options.CompletedWorkItem is { } watched && options.CancelDeadlines)
            batch.BatchCommands.Add(Command(
                "UPDATE engine.timers SET status = 'Cancelled' WHERE instance_id = $1 AND work_item_id = $2 AND status = 'Pending'", plan.InstanceId, watched));
        if (options.FiredTimer is { } fired)
            batch.BatchCommands.Add(Command("UPDATE engine.timers SET status = 'Fired', fired_at = $2, leased_until = NULL WHERE id = $1 AND status = 'Pending'", fired, plan.Now));
        if (options.FiredTimer is { } recovered && options.RecoveredAfter is { } failedAttempts)
            batch.BatchCommands.Add(Command(
                "UPDATE engine.incidents SET status = 'Resolved', resolved_at = $2, resolution = $3 WHERE timer_id = $1 AND status <> 'Resolved'",
                recovered, plan.Now, $"Recovered on its own after {failedAttempts} failed attempt(s)."));
        AddTokenChanges(batch, plan, options.FiredTimer);
        foreach (var (activation, branch) in plan.ArrivedBranches)
            batch.BatchCommands.Add(Command(
                "UPDATE engine.timers SET status = 'Cancelled' WHERE instance_id = $1 AND kind = 'BranchDeadline' AND status = 'Pending' " +
                "AND data ->> 'activation' = $2 AND data ->> 'branch' = $3", plan.InstanceId, activation.ToString(), branch));
        if (plan.FirstStepTaken is { } taken) batch.BatchCommands.Add(FirstStepWrite.Insert(taken));
        AddWorkItems(batch, plan, header);
        AddTimers(batch, plan);
        AddHistory(batch, plan);
        if (plan.CloseEverythingOpen)
        {
            // Every other open item of every branch is cancelled, each with its history row after the plan's own.
            batch.BatchCommands.Add(Command(
                "WITH cancelled AS (UPDATE engine.work_items SET status = 'Cancelled', completed_at = $2, revision = revision + 1 " +
                "WHERE instance_id = $1 AND status = 'Open' RETURNING id, step_id, created_at) " +
                "INSERT INTO engine.history (instance_id, at, kind, from_step, work_item_id, comment) " +
                "SELECT $1, $2, 'WorkItemCancelled', step_id, id, $3 FROM cancelled ORDER BY created_at, id",
                plan.InstanceId, plan.Now, plan.Status == InstanceStatus.Completed ? "The instance ended." : "The instance was cancelled."));
            batch.BatchCommands.Add(Command("UPDATE engine.timers SET status = 'Cancelled', leased_until = NULL WHERE instance_id = $1 AND status = 'Pending'", plan.InstanceId));
        }
        AddOutbox(batch, plan);
        var known = options.ReadOpenWork && options.NoOtherOpenWork && plan.CancelledTokens.Count == 0 && plan.Escalation is null;
        var readBack = options.ReadOpenWork && !known;
        if (readBack) batch.BatchCommands.Add(Command(Queries.InstanceReads.OpenWorkItemsSql("$1"), plan.InstanceId));

        if (known) plan.OpenAfter = plan.Status == InstanceStatus.Running ? WorkItemMapping.ToViews(plan.OpenedWorkItems) : [];
        if (options.Defer is { } deferred && options.Existing is null && !readBack)
        {
            deferred.Deferred = batch;
            return true;
        }
        await using var unsent = options.Defer is null ? null : batch;
        if (readBack)
        {
            await using var r = await batch.ExecuteReaderAsync(ct);
            while (r.FieldCount == 0 || r.GetName(0) != Queries.InstanceReads.FirstColumn) if (!await r.NextResultAsync(ct)) break;
            plan.OpenAfter = await Queries.InstanceReads.ReadOpenWorkItemsAsync(r, ct);
            while (await r.NextResultAsync(ct)) { }
        }
        else await batch.ExecuteNonQueryAsync(ct);
        var written = batch.BatchCommands[first].RecordsAffected == 1
            && (options.CompletedWorkItem is null || batch.BatchCommands[first + 1].RecordsAffected == 1);
        ReusedParameters.GiveBack(batch);
        if (!written) await tx.UndoAsync(ct);
        return written;
    }

    /// <summary>Before anything is opened: the work and timers of paths taken away, and escalated work.</summary>
    private static void AddTokenChanges(NpgsqlBatch batch, TransitionPlan plan, Guid? firedTimer)
    {
        if (plan.CancelledTokens.Count > 0)
        {
            var tokens = plan.CancelledTokens.ToArray();
            batch.BatchCommands.Add(Command(
                "WITH cancelled AS (UPDATE engine.work_items SET status = 'Cancelled', completed_at = $2, revision = revision + 1 " +
                "WHERE instance_id = $1 AND token_id = ANY($3) AND status = 'Open' RETURNING id, step_id, created_at) " +
                "INSERT INTO engine.history (instance_id, at, kind, from_step, work_item_id, comment) " +
                "SELECT $1, $2, 'WorkItemCancelled', step_id, id, $4 FROM cancelled ORDER BY created_at, id",
                plan.InstanceId, plan.Now, tokens, plan.CancelReason));
            batch.BatchCommands.Add(Command(
                "UPDATE engine.timers SET status = 'Cancelled', leased_until = NULL WHERE instance_id = $1 AND token_id = ANY($2) AND status = 'Pending' " +
                "AND id IS DISTINCT FROM $3", plan.InstanceId, tokens, new NpgsqlParameter { Value = (object?)firedTimer ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid }));
        }
        if (plan.Escalation is { } escalation)
            batch.BatchCommands.Add(Command(
                "UPDATE engine.work_items SET role = coalesce($3, role), unit_id = coalesce($4, unit_id), assignee = NULL, claimed_by = NULL, " +
                "revision = revision + 1 WHERE instance_id = $1 AND token_id = ANY($2) AND status = 'Open'",
                plan.InstanceId, escalation.Tokens.ToArray(), escalation.Role, escalation.Unit));
    }

    // Every row a plan writes belongs to its instance and is stamped with its time (see TransitionPlan); work items open as 'Open'.
    private static readonly RowsInsert WorkItems = new("engine.work_items",
        [("instance_id", NpgsqlDbType.Uuid), ("definition_id", NpgsqlDbType.Text), ("business_key", NpgsqlDbType.Text), ("created_at", NpgsqlDbType.TimestampTz)],
        [("id", NpgsqlDbType.Uuid), ("token_id", NpgsqlDbType.Uuid), ("step_id", NpgsqlDbType.Text), ("title", NpgsqlDbType.Text),
            ("branch", NpgsqlDbType.Text), ("role", NpgsqlDbType.Text), ("unit_id", NpgsqlDbType.Text), ("assignee", NpgsqlDbType.Text),
            ("budget", NpgsqlDbType.Text), ("due_at", NpgsqlDbType.TimestampTz)],
        [("status", "'Open'"), ("revision", "1")]);

    private static readonly RowsInsert HistoryRows = new("engine.history",
        [("instance_id", NpgsqlDbType.Uuid), ("at", NpgsqlDbType.TimestampTz)],
        [("kind", NpgsqlDbType.Text), ("actor", NpgsqlDbType.Text), ("from_step", NpgsqlDbType.Text), ("to_step", NpgsqlDbType.Text),
            ("action", NpgsqlDbType.Text), ("comment", NpgsqlDbType.Text), ("work_item_id", NpgsqlDbType.Uuid), ("data", NpgsqlDbType.Jsonb)],
        []);

    private static readonly RowsInsert OutboxRows = new("engine.outbox",
        [("instance_id", NpgsqlDbType.Uuid), ("created_at", NpgsqlDbType.TimestampTz)],
        [("id", NpgsqlDbType.Uuid), ("type", NpgsqlDbType.Text), ("payload", NpgsqlDbType.Jsonb)],
        [("attempts", "0")]);

    private static void AddWorkItems(NpgsqlBatch batch, TransitionPlan plan, InstanceHeader header)
    {
        if (plan.OpenedWorkItems.Count == 0) return;
        batch.BatchCommands.Add(WorkItems.Command(plan.OpenedWorkItems, [plan.InstanceId, header.DefinitionId, header.BusinessKey, plan.Now],
            (x, v) => v.Add(x.Id).Add(x.TokenId).Add(x.StepId).Add(x.Title).Add(x.Branch).Add(x.Role).Add(x.UnitId).Add(x.Assignee).Add(x.Budget).Add(x.DueAt)));
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
        batch.BatchCommands.Add(HistoryRows.Command(plan.History, [plan.InstanceId, plan.Now],
            (x, v) => v.Add(x.Kind).Add(x.Actor).Add(x.FromStep).Add(x.ToStep).Add(x.Action).Add(x.Comment).Add(x.WorkItemId).Add(x.Data)));
    }

    private static void AddOutbox(NpgsqlBatch batch, TransitionPlan plan)
    {
        if (plan.Outbox.Count == 0) return;
        batch.BatchCommands.Add(OutboxRows.Command(plan.Outbox, [plan.InstanceId, plan.Now], (x, v) => v.Add(x.Id).Add(x.Type).Add(x.Payload)));
    }

    private static Typed Jsonb(string json) => new(json, NpgsqlDbType.Jsonb);

    /// <summary>A value sent as the given type rather than the one its CLR type maps to (jsonb sent as text).</summary>
    internal sealed record Typed(object? Value, NpgsqlDbType Type);

    /// <summary>
    /// A statement with its values: a <see cref="Typed"/> value is sent as its type, a given <see cref="NpgsqlParameter"/>
    /// is used as it is. The parameter objects are reused (see <see cref="ReusedParameters"/>).
    /// </summary>
    internal static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        foreach (var v in values)
            cmd.Parameters.Add(v switch
            {
                Typed typed => ReusedParameters.Take(typed.Value, typed.Type),
                NpgsqlParameter given => given,
                _ => ReusedParameters.Take(v),
            });
        return cmd;
    }
}
