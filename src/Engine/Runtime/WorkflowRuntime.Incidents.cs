using System.Text.Json.Nodes;
using Engine.Incidents;
using Engine.Metrics;

namespace Engine.Runtime;

public sealed partial class WorkflowRuntime
{
    internal Task<EngineResult<bool>> RetryIncidentAsync(Guid incidentId, string actor, string? reason, CancellationToken ct) =>
        InTransactionAsync<bool>(EngineOperations.Incident, null, async tx =>
        {
            if (Repair(actor, reason) is { } refused) return refused;
            var (instanceId, timerId, status) = await IncidentAsync(tx, incidentId, lockInstance: true, ct);
            if (instanceId is null) return NotFound("incident", incidentId);
            if (status == IncidentStatus.Resolved || timerId is null)
                return new EngineError(EngineErrorCode.Conflict, $"Incident {incidentId} is resolved: there is nothing to retry.");
            return await RetryAsync(tx, instanceId, timerId.Value, actor, reason!, "IncidentRetried", ct);
        }, ct);

    internal Task<EngineResult<bool>> ResolveIncidentAsync(Guid incidentId, string actor, string reason, CancellationToken ct) =>
        InTransactionAsync<bool>(EngineOperations.Incident, null, async tx =>
        {
            if (Repair(actor, reason) is { } refused) return refused;
            var (instanceId, timerId, status) = await IncidentAsync(tx, incidentId, lockInstance: true, ct);
            if (instanceId is null) return NotFound("incident", incidentId);
            if (status == IncidentStatus.Resolved) return new EngineError(EngineErrorCode.Conflict, $"Incident {incidentId} is already resolved.");
            var now = clock.GetUtcNow();
            await using var batch = tx.Batch(
                "UPDATE engine.timers SET status = 'Cancelled', leased_until = NULL WHERE id = $1 AND status IN ('Pending', 'Failed') RETURNING step_id",
                timerId);
            batch.BatchCommands.Add(InstanceStore.Command(
                "UPDATE engine.incidents SET status = 'Resolved', resolved_at = $2, resolved_by = $3, resolution = $4 WHERE id = $1", incidentId, now, actor, reason));
            batch.BatchCommands.Add(History(instanceId.Value, now, "IncidentResolved", actor, null, reason, null,
                new JsonObject { ["incident"] = incidentId.ToString(), ["timer"] = timerId?.ToString() }));
            await batch.ExecuteNonQueryAsync(ct);
            return true;
        }, ct);

    /// <summary>Under the instance's lock: the timer is due now; a failed one gets one attempt before it fails again.</summary>
    private async Task<EngineResult<bool>> RetryAsync(EngineTransaction tx, Guid? instanceId, Guid timerId, string actor, string reason,
        string kind, CancellationToken ct)
    {
        if (instanceId is null) return NotFound("timer", timerId);
        var now = clock.GetUtcNow();
        await using var batch = tx.Batch(
            "UPDATE engine.timers SET attempts = CASE WHEN status = 'Failed' THEN greatest($3 - 1, 0) ELSE attempts END, status = 'Pending', " +
            "next_attempt_at = $2, leased_until = NULL WHERE id = $1 AND status IN ('Pending', 'Failed')",
            timerId, now, timerOptions.Value.MaxAttempts);
        batch.BatchCommands.Add(InstanceStore.Command(
            "UPDATE engine.incidents SET status = 'Retrying' WHERE timer_id = $1 AND status <> 'Resolved'", timerId));
        batch.BatchCommands.Add(History(instanceId.Value, now, kind, actor, null, reason, null, new JsonObject { ["timer"] = timerId.ToString() }));
        await batch.ExecuteNonQueryAsync(ct);
        if (batch.BatchCommands[^3].RecordsAffected == 0)
            return new EngineError(EngineErrorCode.Conflict, $"Timer {timerId} has fired or was cancelled: there is nothing to retry.");
        return true;
    }

    /// <summary>Finds the incident's instance, locks it (instance first, as always), then reads the incident under the lock.</summary>
    private static async Task<(Guid? Instance, Guid? Timer, string? Status)> IncidentAsync(EngineTransaction tx, Guid incidentId, bool lockInstance,
        CancellationToken ct)
    {
        await using var batch = tx.Batch(
            "SELECT id FROM engine.instances WHERE id = (SELECT instance_id FROM engine.incidents WHERE id = $1) " + (lockInstance ? "FOR UPDATE" : ""), incidentId);
        batch.BatchCommands.Add(InstanceStore.Command("SELECT timer_id, status FROM engine.incidents WHERE id = $1", incidentId));
        await using var r = await batch.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return (null, null, null);
        var instance = r.GetGuid(0);
        await r.NextResultAsync(ct);
        if (!await r.ReadAsync(ct)) return (null, null, null);
        return (instance, r.IsDBNull(0) ? null : r.GetGuid(0), r.GetString(1));
    }

    private static async Task<Guid?> InstanceOfTimerAsync(EngineTransaction tx, Guid timerId, CancellationToken ct)
    {
        await using var batch = tx.Batch("SELECT id FROM engine.instances WHERE id = (SELECT instance_id FROM engine.timers WHERE id = $1) FOR UPDATE", timerId);
        return await batch.ExecuteScalarAsync(ct) as Guid?;
    }
}
