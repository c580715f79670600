using System.Text.Json.Nodes;
using Npgsql;

namespace Engine.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Fires timers due by now, each in its own transaction. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>,
    /// so any number of pollers in any number of processes can run this at once. Returns how many fired.
    /// </summary>
    public async Task<int> FireDueTimersAsync(int max = 100, CancellationToken ct = default)
    {
        var fired = 0;
        while (fired < max)
        {
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow();
            Guid timerId, instanceId, tokenId;
            string stepId;
            await using (var claim = new NpgsqlCommand(
                "SELECT t.id, t.instance_id, t.token_id, t.step_id FROM engine.timers t " +
                "WHERE t.status = 'Pending' AND t.due_at <= $1 " +
                "AND EXISTS (SELECT 1 FROM engine.instances i WHERE i.id = t.instance_id AND i.status = 'Running') " +
                "ORDER BY t.due_at LIMIT 1 FOR UPDATE OF t SKIP LOCKED", conn, tx) { Parameters = { new() { Value = now } } })
            await using (var r = await claim.ExecuteReaderAsync(ct))
            {
                if (!await r.ReadAsync(ct)) return fired;
                (timerId, instanceId, tokenId, stepId) = (r.GetGuid(0), r.GetGuid(1), r.GetGuid(2), r.GetString(3));
            }

            var result = await FireAsync(conn, tx, timerId, instanceId, tokenId, stepId, now, ct);
            if (result is null) await tx.CommitAsync(ct);
            else
            {
                // A timer that cannot fire must not be claimed again and again: park it as failed, visibly.
                await tx.RollbackAsync(ct);
                await using var park = new NpgsqlCommand("UPDATE engine.timers SET status = 'Failed', fired_at = $2 WHERE id = $1", conn)
                { Parameters = { new() { Value = timerId }, new() { Value = now } } };
                await park.ExecuteNonQueryAsync(ct);
            }
            fired++;
        }
        return fired;
    }

    private async Task<EngineError?> FireAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid timerId, Guid instanceId,
        Guid tokenId, string stepId, DateTimeOffset now, CancellationToken ct)
    {
        var instance = await InstanceStore.LockInstanceAsync(conn, tx, instanceId, ct);
        if (instance is null) return NotFound("instance", instanceId);
        var definition = await definitions.GetAsync(conn, tx, instance.DefinitionRecordId, ct);
        var step = definition?.FindStep(stepId);
        var token = instance.Tokens.FirstOrDefault(t => t.Id == tokenId);
        if (definition is null || step?.Next is null || token is null)
            return new EngineError(EngineErrorCode.Conflict, $"Timer {timerId} no longer matches its instance.");
        var header = new InstanceHeader(instance.Id, instance.DefinitionId, instance.Version, instance.BusinessKey);
        var plan = new TransitionPlan(instance.Id, now, JsonNode.Parse(instance.Variables)!.AsObject(),
            instance.Tokens.Where(t => t.Id != tokenId).ToList());
        plan.Record("TimerFired", null, step.Id, step.Next, data: new JsonObject { ["timer"] = timerId.ToString() });
        var executor = new Executor(definition, header, plan, calendar, handlers, services);
        if (await executor.EnterAsync(token, step.Next, null, ct) is { } error) return error;
        var written = await InstanceStore.WriteAsync(conn, tx, plan, header, new InstanceStore.WriteOptions(instance, FiredTimer: timerId), ct);
        return written ? null : new EngineError(EngineErrorCode.Conflict, $"Instance {instanceId} changed while timer {timerId} fired.");
    }
}
