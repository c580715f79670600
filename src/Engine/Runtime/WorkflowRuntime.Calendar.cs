using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Definitions;
using Engine.Expressions;
using Microsoft.Extensions.Logging;
using Npgsql;
using Engine.Metrics;

namespace Engine.Runtime;

/// <summary>
/// A change of the working calendar: the days whose working time changed (a holiday added or removed, a make-up working
/// day, an override), inclusive, and the unit whose office hours changed (null: every unit).
/// </summary>
public sealed record CalendarChange(DateOnly From, DateOnly To, string? UnitId, string Reason);

/// <summary>What a recomputation did: instances looked at and changed, due times moved, and instances that failed (logged, skipped).</summary>
public sealed record RecomputeReport(int Instances, int Changed, int WorkItemsMoved, int TimersMoved, int Failed);

public sealed partial class WorkflowRuntime
{
    private const int RecomputePage = 500;

    /// <summary>
    /// Recomputes, on the calendar as it is now, the due times that a calendar change can move: open work items, branch due
    /// times, timer steps' waits and deadline rules, of every instance with something open due on or after the change's
    /// first day. Each instance in its own transaction, with one <c>DueDatesChanged</c> history row listing what moved;
    /// one that fails is counted and skipped, the others go on. Due times are work items' budgets counted from when they
    /// opened, so running it again changes nothing.
    /// </summary>
    public async Task<RecomputeReport> RecomputeDueDatesAsync(CalendarChange change, CancellationToken ct = default)
    {
        var (instances, changed, items, timers, failed) = (0, 0, 0, 0, 0);
        var after = Guid.Empty;
        // A day's working time in any time zone of the world lies within a day either side of its date in UTC.
        var from = new DateTimeOffset(change.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-1);
        var to = new DateTimeOffset(change.To.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(2);
        while (true)
        {
            var page = await AffectedInstancesAsync(from, to, change.UnitId, after, ct);
            foreach (var id in page)
            {
                instances++;
                try
                {
                    var done = await InTransactionAsync<(int Items, int Timers)>(EngineOperations.Recompute, null, tx => RecomputeAsync(tx, id, change.Reason, ct), ct);
                    if (!done.Succeeded) { failed++; continue; }
                    if (done.Value.Items + done.Value.Timers > 0) changed++;
                    (items, timers) = (items + done.Value.Items, timers + done.Value.Timers);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failed++;
                    logger.LogError(e, "Due dates of instance {InstanceId} could not be recomputed after a calendar change", id);
                }
            }
            if (page.Count < RecomputePage) return new RecomputeReport(instances, changed, items, timers, failed);
            after = page[^1];
        }
    }

    private async Task<List<Guid>> AffectedInstancesAsync(DateTimeOffset from, DateTimeOffset to, string? unit, Guid after, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT id FROM (SELECT w.instance_id AS id FROM engine.work_items w WHERE w.status = 'Open' AND w.due_at >= $1 AND w.created_at < $2 " +
            "AND ($3::text IS NULL OR w.unit_id = $3) " +
            "UNION SELECT t.instance_id FROM engine.timers t WHERE t.status = 'Pending' AND t.kind IN ('Step', 'Deadline', 'BranchDeadline') " +
            "AND t.due_at >= $1 AND t.created_at < $2) a WHERE id > $4 ORDER BY id LIMIT $5");
        cmd.Parameters.Add(new NpgsqlParameter { Value = from });
        cmd.Parameters.Add(new NpgsqlParameter { Value = to });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)unit ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = after });
        cmd.Parameters.Add(new NpgsqlParameter { Value = RecomputePage });
        var ids = new List<Guid>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) ids.Add(r.GetGuid(0));
        return ids;
    }

    private async Task<EngineResult<(int, int)>> RecomputeAsync(EngineTransaction tx, Guid instanceId, string reason, CancellationToken ct)
    {
        var instance = await InstanceStore.LockInstanceAsync(tx, instanceId, ct);
        if (instance is null || instance.Status is not (InstanceStatus.Running or InstanceStatus.Suspended)) return (0, 0);
        var definition = (await definitions.GetAsync(tx, instance.DefinitionRecordId, ct))!;
        var variables = JsonNode.Parse(instance.Variables)!.AsObject();
        var tokens = instance.Tokens.Select(t => t with { Scopes = t.Scopes.Select(s => BranchDue(definition, s, variables)).ToList() }).ToList();
        var (items, timers) = await OpenDueTimesAsync(tx, instanceId, ct);
        var moved = new JsonArray();
        var now = clock.GetUtcNow();
        await using var batch = tx.Batch();
        var newItemDue = new Dictionary<Guid, DateTimeOffset?>();
        foreach (var item in items)
        {
            var step = definition.FindStep(item.StepId);
            var own = step?.Budget is { } budget ? calendar.Add(item.CreatedAt, budget, item.UnitId).ToUniversalTime() : (DateTimeOffset?)null;
            var due = Executor.Earliest(own, tokens.FirstOrDefault(t => t.Id == item.TokenId)?.BranchDueAt) ?? item.DueAt;
            newItemDue[item.Id] = due;
            if (due == item.DueAt) continue;
            batch.BatchCommands.Add(InstanceStore.Command("UPDATE engine.work_items SET due_at = $2, revision = revision + 1 WHERE id = $1", item.Id, due));
            moved.Add(Moved("workItem", item.Id, item.StepId, item.DueAt, due));
        }
        var timerCount = 0;
        foreach (var timer in timers)
        {
            var due = TimerDueNow(definition, variables, tokens, timer, newItemDue, items) ?? timer.DueAt;
            if (due == timer.DueAt) continue;
            timerCount++;
            batch.BatchCommands.Add(InstanceStore.Command(
                "UPDATE engine.timers SET due_at = $2, next_attempt_at = CASE WHEN attempts = 0 THEN $2 ELSE next_attempt_at END WHERE id = $1", timer.Id, due));
            moved.Add(Moved("timer", timer.Id, timer.StepId, timer.DueAt, due));
        }
        if (moved.Count == 0) return (0, 0);
        batch.BatchCommands.Add(InstanceStore.Command("UPDATE engine.instances SET tokens = $2::jsonb, revision = revision + 1, updated_at = $3 WHERE id = $1",
            instanceId, JsonSerializer.Serialize(tokens, JsonDefaults.Options), now));
        batch.BatchCommands.Add(History(instanceId, now, "DueDatesChanged", null, null, reason, null, new JsonObject { ["moved"] = moved }));
        await batch.ExecuteNonQueryAsync(ct);
        return (moved.Count - timerCount, timerCount);
    }

    private BranchScope BranchDue(WorkflowDefinition definition, BranchScope scope, JsonObject variables)
    {
        var branch = definition.FindStep(scope.SplitStepId)?.Branches.Find(b => b.Name == scope.Branch);
        if (scope.StartedAt is not { } started || branch?.Budget is not { } budget) return scope;
        return scope with { DueAt = calendar.Add(started, budget, ValueExpression.Resolve(branch.Unit, variables)).ToUniversalTime() };
    }

    private DateTimeOffset? TimerDueNow(WorkflowDefinition definition, JsonObject variables, List<Token> tokens, DueTimer timer,
        Dictionary<Guid, DateTimeOffset?> itemDue, List<DueItem> items)
    {
        var step = definition.FindStep(timer.StepId);
        var data = timer.Data is null ? [] : JsonNode.Parse(timer.Data)!.AsObject();
        var rule = data["rule"]?.GetValue<int>() ?? -1;
        switch (timer.Kind)
        {
            case nameof(TimerKind.Step) when step?.Duration is { } duration:
                return calendar.Add(timer.CreatedAt, duration, ValueExpression.Resolve(step.Unit, variables)).ToUniversalTime();
            case nameof(TimerKind.Deadline) when timer.WorkItemId is { } item && itemDue.GetValueOrDefault(item) is { } due
                                                && step?.OnOverdue.ElementAtOrDefault(rule) is { } stepRule:
                return DeadlineTimers.At(calendar, due, stepRule, items.Find(i => i.Id == item)?.UnitId);
            case nameof(TimerKind.BranchDeadline):
                var branchName = data["branch"]?.GetValue<string>();
                var activation = Guid.TryParse(data["activation"]?.GetValue<string>(), out var a) ? a : Guid.Empty;
                var scope = tokens.SelectMany(t => t.Scopes).FirstOrDefault(s => s.Is(activation, branchName ?? ""));
                var branch = step?.Branches.Find(b => b.Name == branchName);
                return scope?.DueAt is { } branchDue && branch?.OnOverdue.ElementAtOrDefault(rule) is { } branchRule
                    ? DeadlineTimers.At(calendar, branchDue, branchRule, ValueExpression.Resolve(branch.Unit, variables))
                    : null;
            default:
                return null;
        }
    }

    private static JsonObject Moved(string what, Guid id, string step, DateTimeOffset? from, DateTimeOffset? to) =>
        new() { ["what"] = what, ["id"] = id.ToString(), ["step"] = step, ["from"] = from, ["to"] = to };

    private sealed record DueItem(Guid Id, string StepId, Guid TokenId, string? UnitId, DateTimeOffset CreatedAt, DateTimeOffset? DueAt);

    private sealed record DueTimer(Guid Id, string Kind, string StepId, Guid? WorkItemId, string? Data, DateTimeOffset CreatedAt, DateTimeOffset DueAt);

    private static async Task<(List<DueItem>, List<DueTimer>)> OpenDueTimesAsync(EngineTransaction tx, Guid instanceId, CancellationToken ct)
    {
        await using var batch = tx.Batch(
            "SELECT id, step_id, token_id, unit_id, created_at, due_at FROM engine.work_items WHERE instance_id = $1 AND status = 'Open'", instanceId);
        batch.BatchCommands.Add(InstanceStore.Command(
            "SELECT id, kind, step_id, work_item_id, data::text, created_at, due_at FROM engine.timers " +
            "WHERE instance_id = $1 AND status = 'Pending' AND kind IN ('Step', 'Deadline', 'BranchDeadline')", instanceId));
        await using var r = await batch.ExecuteReaderAsync(ct);
        var items = new List<DueItem>();
        while (await r.ReadAsync(ct))
            items.Add(new DueItem(r.GetGuid(0), r.GetString(1), r.GetGuid(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetFieldValue<DateTimeOffset>(4),
                r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5)));
        await r.NextResultAsync(ct);
        var timers = new List<DueTimer>();
        while (await r.ReadAsync(ct))
            timers.Add(new DueTimer(r.GetGuid(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetGuid(3), r.IsDBNull(4) ? null : r.GetString(4),
                r.GetFieldValue<DateTimeOffset>(5), r.GetFieldValue<DateTimeOffset>(6)));
        return (items, timers);
    }
}
