using System.Text.Json.Nodes;
using Engine.Definitions;
using Engine.Metrics;

namespace Engine.Runtime;

/// <summary>Move one path of an instance to another step (an operator's repair); its open work and timers are cancelled.</summary>
/// <param name="FromStepId">Which path, by the step it waits at, when the instance has several; or <paramref name="TokenId"/>.</param>
public sealed record MoveToken(Guid InstanceId, string ToStepId, string Actor, string Reason, string? FromStepId = null, Guid? TokenId = null);

public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Moves a path of a running or suspended instance to <see cref="MoveToken.ToStepId"/> and runs on from there, as if an
    /// action had led there. A path inside a split branch may move only within its branch, to the join or to an end step,
    /// or the join would wait for ever. Recorded as <c>TokenMoved</c> with the actor and reason.
    /// </summary>
    public Task<EngineResult<TransitionResult>> MoveTokenAsync(MoveToken request, Npgsql.NpgsqlTransaction? transaction = null, CancellationToken ct = default) =>
        InTransactionAsync<TransitionResult>(EngineOperations.Repair, transaction, async tx =>
        {
            if (Repair(request.Actor, request.Reason) is { } refused) return refused;
            var instance = await InstanceStore.LockInstanceAsync(tx, request.InstanceId, ct);
            if (instance is null) return NotFound("instance", request.InstanceId);
            if (instance.Status is not (InstanceStatus.Running or InstanceStatus.Suspended))
                return new EngineError(EngineErrorCode.NotRunning, $"Instance {instance.Id} is {instance.Status.ToString().ToLowerInvariant()}.");
            var definition = (await definitions.GetAsync(tx, instance.DefinitionRecordId, ct))!;
            if (definition.FindStep(request.ToStepId) is not { } target)
                return new EngineError(EngineErrorCode.InvalidData, $"Step '{request.ToStepId}' does not exist in {definition.Id} v{definition.Version}.", "toStepId");
            var candidates = instance.Tokens.Where(t => request.TokenId is { } id ? t.Id == id : request.FromStepId is null || t.StepId == request.FromStepId).ToList();
            if (candidates.Count != 1)
                return new EngineError(EngineErrorCode.InvalidData, candidates.Count == 0
                    ? "No path of the instance waits there."
                    : $"The instance waits at {string.Join(", ", candidates.Select(t => t.StepId))}: say which path to move.", "fromStepId");
            var token = candidates[0];
            if (token.Scope is { } scope && !StaysInBranch(definition, scope, target))
                return new EngineError(EngineErrorCode.InvalidData,
                    $"Step '{target.Id}' is outside branch '{scope.Branch}' of split '{scope.SplitStepId}': the join would wait for ever.", "toStepId");

            var plan = NewPlan(instance, clock.GetUtcNow(), instance.Tokens.Where(t => t.Id != token.Id));
            plan.CancelledTokens.Add(token.Id);
            plan.CancelReason = request.Reason;
            plan.Record("TokenMoved", request.Actor, token.StepId, target.Id, comment: request.Reason);
            var moved = new Token(Guid.CreateVersion7(plan.Now), target.Id, TokenState.Waiting, token.Scopes);
            if (await Execute(definition, instance, plan).EnterAsync(moved, target.Id, request.Actor, ct) is { } error) return error;
            if (instance.Status == InstanceStatus.Suspended && plan.Status == InstanceStatus.Running) plan.Status = InstanceStatus.Suspended;
            var header = new InstanceHeader(instance.Id, instance.DefinitionId, instance.Version, instance.BusinessKey);
            if (!await InstanceStore.WriteAsync(tx, plan, header, new InstanceStore.WriteOptions(instance), ct))
                return new EngineError(EngineErrorCode.Conflict, $"Instance {instance.Id} changed concurrently.");
            return Result(plan, instance.Revision + 1);
        }, ct);

    /// <summary>
    /// Cancels one open work item, leaving its path waiting at the step with nothing open, for the operator to reopen it
    /// (a fresh item, a fresh due time) or to move the path. Its deadline timers are cancelled with it.
    /// </summary>
    public Task<EngineResult<int>> CancelWorkItemAsync(Guid workItemId, string actor, string reason, Npgsql.NpgsqlTransaction? transaction = null,
        CancellationToken ct = default) =>
        InTransactionAsync<int>(EngineOperations.Repair, transaction, async tx =>
        {
            if (Repair(actor, reason) is { } refused) return refused;
            var loaded = await InstanceStore.LockByWorkItemAsync(tx, workItemId, ct);
            if (loaded is not var (instance, item)) return NotFound("work item", workItemId);
            if (item.Status != WorkItemStatus.Open)
                return new EngineError(EngineErrorCode.Conflict, $"Work item {workItemId} is already {item.Status.ToString().ToLowerInvariant()}.");
            var now = clock.GetUtcNow();
            await using var batch = tx.Batch(
                "UPDATE engine.work_items SET status = 'Cancelled', completed_at = $2, completed_by = $3, revision = revision + 1 WHERE id = $1", workItemId, now, actor);
            batch.BatchCommands.Add(InstanceStore.Command(
                "UPDATE engine.timers SET status = 'Cancelled' WHERE instance_id = $1 AND work_item_id = $2 AND status = 'Pending'", instance.Id, workItemId));
            batch.BatchCommands.Add(InstanceStore.Command("UPDATE engine.instances SET revision = revision + 1, updated_at = $2 WHERE id = $1", instance.Id, now));
            batch.BatchCommands.Add(History(instance.Id, now, "WorkItemCancelled", actor, item.StepId, reason, workItemId, null));
            await batch.ExecuteNonQueryAsync(ct);
            return instance.Revision + 1;
        }, ct);

    /// <summary>Opens the step again for a path whose work item was cancelled: a new item, due from now, with its deadline rules.</summary>
    public Task<EngineResult<TransitionResult>> ReopenWorkItemAsync(Guid workItemId, string actor, string reason, Npgsql.NpgsqlTransaction? transaction = null,
        CancellationToken ct = default) =>
        InTransactionAsync<TransitionResult>(EngineOperations.Repair, transaction, async tx =>
        {
            if (Repair(actor, reason) is { } refused) return refused;
            var loaded = await InstanceStore.LockByWorkItemAsync(tx, workItemId, ct);
            if (loaded is not var (instance, item)) return NotFound("work item", workItemId);
            var token = instance.Tokens.FirstOrDefault(t => t.Id == item.TokenId && t.StepId == item.StepId && t.State == TokenState.Waiting);
            if (item.Status != WorkItemStatus.Cancelled || token is null || await HasOpenItemAsync(tx, instance.Id, token.Id, ct))
                return new EngineError(EngineErrorCode.Conflict, $"Work item {workItemId} cannot be reopened: only a cancelled item whose path still waits at its step, with nothing open, can.");
            if (instance.Status is not (InstanceStatus.Running or InstanceStatus.Suspended))
                return new EngineError(EngineErrorCode.NotRunning, $"Instance {instance.Id} is {instance.Status.ToString().ToLowerInvariant()}.");
            var definition = (await definitions.GetAsync(tx, instance.DefinitionRecordId, ct))!;
            var plan = NewPlan(instance, clock.GetUtcNow(), instance.Tokens.Where(t => t.Id != token.Id));
            plan.Record("WorkItemReopened", actor, item.StepId, item.StepId, comment: reason, workItemId: workItemId);
            if (await Execute(definition, instance, plan).EnterAsync(token, item.StepId, actor, ct) is { } error) return error;
            if (instance.Status == InstanceStatus.Suspended) plan.Status = InstanceStatus.Suspended;
            var header = new InstanceHeader(instance.Id, instance.DefinitionId, instance.Version, instance.BusinessKey);
            if (!await InstanceStore.WriteAsync(tx, plan, header, new InstanceStore.WriteOptions(instance), ct))
                return new EngineError(EngineErrorCode.Conflict, $"Instance {instance.Id} changed concurrently.");
            return Result(plan, instance.Revision + 1);
        }, ct);

    /// <summary>Gives a failed or waiting timer an attempt now (a failed one gets one more before it fails again).</summary>
    public Task<EngineResult<bool>> RetryTimerAsync(Guid timerId, string actor, string reason, CancellationToken ct = default) =>
        InTransactionAsync<bool>(EngineOperations.Repair, null, async tx =>
        {
            if (Repair(actor, reason) is { } refused) return refused;
            return await RetryAsync(tx, await InstanceOfTimerAsync(tx, timerId, ct), timerId, actor, reason, "TimerRetried", ct);
        }, ct);

    private static EngineError? Reason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? new EngineError(EngineErrorCode.InvalidData, "A reason is required for a repair.", "reason") : null;

    private static EngineError? Repair(string actor, string? reason) => Lengths.Actor(actor) ?? Reason(reason);

    /// <summary>Whether a path is still inside the branch of <paramref name="scope"/> at <paramref name="target"/>, or at its join or an end.</summary>
    private static bool StaysInBranch(WorkflowDefinition definition, BranchScope scope, StepDefinition target)
    {
        if (target.Kind == StepKind.End || target.Id == scope.JoinStepId) return true;
        var start = definition.FindStep(scope.SplitStepId)?.Branches.Find(b => b.Name == scope.Branch)?.Start;
        if (start is null) return false;
        // The steps reachable from the branch's start without passing its join.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var next = new Stack<string>([start]);
        while (next.TryPop(out var id))
        {
            if (id == scope.JoinStepId || !seen.Add(id) || definition.FindStep(id) is not { } step) continue;
            foreach (var to in step.Actions.Select(a => a.To).Concat(step.OnOverdue.Select(r => r.To)).Append(step.Next)
                         .Concat(step.Branches.Select(b => b.Start)).Append(step.Join))
                if (to is not null) next.Push(to);
        }
        return seen.Contains(target.Id);
    }

    private static async Task<bool> HasOpenItemAsync(EngineTransaction tx, Guid instanceId, Guid tokenId, CancellationToken ct)
    {
        await using var batch = tx.Batch("SELECT EXISTS (SELECT 1 FROM engine.work_items WHERE instance_id = $1 AND token_id = $2 AND status = 'Open')", instanceId, tokenId);
        return (bool)(await batch.ExecuteScalarAsync(ct))!;
    }

    internal static Npgsql.NpgsqlBatchCommand History(Guid instance, DateTimeOffset at, string kind, string? actor, string? step, string? comment,
        Guid? workItem, JsonObject? data) =>
        InstanceStore.Command(
            "INSERT INTO engine.history (instance_id, at, kind, actor, from_step, comment, work_item_id, data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)",
            instance, at, kind, actor, step, comment, workItem, data?.ToJsonString());
}
