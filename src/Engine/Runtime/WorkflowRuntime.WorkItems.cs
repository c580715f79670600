using System.Text.Json.Nodes;
using Npgsql;
using Engine.Metrics;

namespace Engine.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>Takes an open, unclaimed work item from its role queue for <paramref name="actor"/>.</summary>
    public Task<EngineResult<int>> ClaimAsync(Guid workItemId, string actor, NpgsqlTransaction? transaction = null, CancellationToken ct = default) =>
        ChangeWorkItemAsync(transaction, workItemId, actor, "Claimed", null, null, item =>
            item.ClaimedBy is { } claimer && claimer != actor ? new EngineError(EngineErrorCode.Conflict, $"Work item {workItemId} is already claimed by {claimer}.")
            : item.Assignee is { } assignee && assignee != actor ? new EngineError(EngineErrorCode.NotAssignee, $"Work item {workItemId} is assigned to {assignee}.", "actor")
            : null,
            "claimed_by = $2::text", actor, ct);

    /// <summary>Puts a claimed work item back into its role queue. Only the claimer may release it.</summary>
    public Task<EngineResult<int>> ReleaseAsync(Guid workItemId, string actor, NpgsqlTransaction? transaction = null, CancellationToken ct = default) =>
        ChangeWorkItemAsync(transaction, workItemId, actor, "Released", null, null, item =>
            item.ClaimedBy != actor ? new EngineError(EngineErrorCode.NotAssignee, $"Work item {workItemId} is not claimed by {actor}.", "actor") : null,
            "claimed_by = $2::text", null, ct);

    /// <summary>Assigns an open work item to <paramref name="assignee"/> (null: back to the role queue). Authorisation is the caller's.</summary>
    public Task<EngineResult<int>> ReassignAsync(Guid workItemId, string? assignee, string actor, string? comment = null,
        NpgsqlTransaction? transaction = null, CancellationToken ct = default) =>
        ChangeWorkItemAsync(transaction, workItemId, actor, "Reassigned", comment, new JsonObject { ["assignee"] = assignee },
            _ => null, "assignee = $2::text, claimed_by = NULL", assignee, ct);

    private Task<EngineResult<int>> ChangeWorkItemAsync(NpgsqlTransaction? transaction, Guid workItemId, string actor, string kind,
        string? comment, JsonObject? data, Func<InstanceStore.LoadedWorkItem, EngineError?> check,
        string set, string? value, CancellationToken ct) =>
        InTransactionAsync<int>(EngineOperations.WorkItem, transaction, async tx =>
        {
            if ((Lengths.Actor(actor) ?? Lengths.Check(value, Lengths.Id, kind == "Reassigned" ? "assignee" : "actor")) is { } tooLong) return tooLong;
            var loaded = await InstanceStore.LockByWorkItemAsync(tx, workItemId, ct);
            if (loaded is not var (instance, item)) return NotFound("work item", workItemId);
            if (item.Status != WorkItemStatus.Open)
                return new EngineError(EngineErrorCode.Conflict, $"Work item {workItemId} is already {item.Status.ToString().ToLowerInvariant()}.");
            if (instance.Status != InstanceStatus.Running)
                return new EngineError(EngineErrorCode.NotRunning, $"Instance {instance.Id} is {instance.Status.ToString().ToLowerInvariant()}.");
            if (check(item) is { } refused) return refused;
            var now = clock.GetUtcNow();
            await using var batch = tx.Batch();
            batch.BatchCommands.Add(InstanceStore.Command($"UPDATE engine.work_items SET {set}, revision = revision + 1 WHERE id = $1", workItemId, value));
            batch.BatchCommands.Add(InstanceStore.Command(
                "INSERT INTO engine.history (instance_id, at, kind, actor, from_step, comment, work_item_id, data) VALUES ($1,$2,$3,$4,$5,$6,$7,$8::jsonb)",
                instance.Id, now, kind, actor, item.StepId, comment, workItemId, data?.ToJsonString()));
            await batch.ExecuteNonQueryAsync(ct);
            return item.Revision + 1;
        }, ct);
}
