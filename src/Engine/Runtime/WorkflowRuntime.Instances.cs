using System.Text.Json.Nodes;
using Npgsql;
using Engine.Metrics;

namespace Engine.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>Stops an instance for good: open work items and pending timers are cancelled.</summary>
    public Task<EngineResult<TransitionResult>> CancelAsync(Guid instanceId, string actor, string? reason = null, int? expectedRevision = null,
        NpgsqlTransaction? transaction = null, CancellationToken ct = default) =>
        ChangeStatusAsync(transaction, instanceId, actor, reason, expectedRevision, InstanceStatus.Cancelled, "Cancelled",
            s => s is InstanceStatus.Running or InstanceStatus.Suspended, ct);

    /// <summary>Pauses an instance: its work items cannot be completed and its timers do not fire until resumed.</summary>
    public Task<EngineResult<TransitionResult>> SuspendAsync(Guid instanceId, string actor, string? reason = null, int? expectedRevision = null,
        NpgsqlTransaction? transaction = null, CancellationToken ct = default) =>
        ChangeStatusAsync(transaction, instanceId, actor, reason, expectedRevision, InstanceStatus.Suspended, "Suspended",
            s => s == InstanceStatus.Running, ct);

    public Task<EngineResult<TransitionResult>> ResumeAsync(Guid instanceId, string actor, string? reason = null, int? expectedRevision = null,
        NpgsqlTransaction? transaction = null, CancellationToken ct = default) =>
        ChangeStatusAsync(transaction, instanceId, actor, reason, expectedRevision, InstanceStatus.Running, "Resumed",
            s => s == InstanceStatus.Suspended, ct);

    private Task<EngineResult<TransitionResult>> ChangeStatusAsync(NpgsqlTransaction? transaction, Guid instanceId, string actor, string? reason,
        int? expectedRevision, InstanceStatus target, string kind, Func<InstanceStatus, bool> allowedFrom, CancellationToken ct) =>
        InTransactionAsync<TransitionResult>(EngineOperations.Instance, transaction, async tx =>
        {
            if (Lengths.Actor(actor) is { } tooLong) return tooLong;
            var instance = await InstanceStore.LockInstanceAsync(tx, instanceId, ct);
            if (instance is null) return NotFound("instance", instanceId);
            if (expectedRevision is { } expected && expected != instance.Revision)
                return new EngineError(EngineErrorCode.Conflict, $"The instance changed (revision {instance.Revision}, expected {expected}).");
            if (!allowedFrom(instance.Status))
                return new EngineError(EngineErrorCode.NotRunning, $"Instance {instanceId} is {instance.Status.ToString().ToLowerInvariant()}; it cannot be {kind.ToLowerInvariant()}.");
            var now = clock.GetUtcNow();
            var header = new InstanceHeader(instance.Id, instance.DefinitionId, instance.Version, instance.BusinessKey);
            var plan = new TransitionPlan(instance.Id, now, new InstanceVariables(instance.Variables),
                target == InstanceStatus.Cancelled ? [] : instance.Tokens)
            {
                Status = target, CloseEverythingOpen = target == InstanceStatus.Cancelled,
            };
            plan.Record(kind, actor, comment: reason);
            var written = await InstanceStore.WriteAsync(tx, plan, header, new InstanceStore.WriteOptions(instance), ct);
            if (!written) return new EngineError(EngineErrorCode.Conflict, $"Instance {instanceId} changed concurrently.");
            return Result(plan, instance.Revision + 1);
        }, ct);
}
