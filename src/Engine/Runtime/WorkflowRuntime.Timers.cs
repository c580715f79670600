using System.Text.Json.Nodes;
using Engine.Incidents;
using Engine.Metrics;

namespace Engine.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>A pending timer as read under its instance's lock.</summary>
    internal sealed record ClaimedTimer(Guid Id, Guid InstanceId, Guid TokenId, string StepId, TimerKind Kind, Guid? WorkItemId,
        JsonObject Data, DateTimeOffset DueAt, int Attempts);

    private enum Fire { NoneDue, Fired, Skipped, Failed }

    /// <summary>
    /// Fires what is due by now (timer steps, deadline rules, handler calls), each in its own transaction, and returns how
    /// many fired. One that fails is retried later with backoff and finally becomes an incident; the others go on. Any
    /// number of pollers in any number of processes may run this at once: each takes the lock of the timer's instance
    /// with <c>SKIP LOCKED</c>, so an instance busy elsewhere is left for the next round. Timers of a suspended instance wait.
    /// </summary>
    public async Task<int> FireDueTimersAsync(int max = 100, CancellationToken ct = default)
    {
        var fired = 0;
        for (var tries = 0; tries < max; tries++)
        {
            var outcome = await FireNextAsync(ct);
            if (outcome == Fire.NoneDue) break;
            if (outcome == Fire.Fired) fired++;
        }
        return fired;
    }

    private async Task<Fire> FireNextAsync(CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var npgsql = await conn.BeginTransactionAsync(ct);
        var tx = new EngineTransaction(npgsql, borrowed: false);
        var now = clock.GetUtcNow();
        var claimed = await ClaimAsync(tx, now, ct);
        if (claimed is null) return Fire.NoneDue;
        var (instance, timer) = claimed.Value;
        if (timer is null) return Fire.Skipped;
        string error;
        try
        {
            if (timer.Kind == TimerKind.Handler) return await RunHandlerAsync(tx, instance, timer, now, ct);
            var result = timer.Kind switch
            {
                TimerKind.Deadline => await FireDeadlineAsync(tx, instance, timer, now, ct),
                TimerKind.BranchDeadline => await FireBranchDeadlineAsync(tx, instance, timer, now, ct),
                _ => await FireStepAsync(tx, instance, timer, now, ct),
            };
            if (result is null)
            {
                await npgsql.CommitAsync(ct);
                metrics.Transition(timer.Kind == TimerKind.Step ? EngineOperations.Timer : EngineOperations.Deadline);
                return Fire.Fired;
            }
            error = result.Message;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            error = e.Message;
        }
        await tx.UndoAsync(ct);
        await failures.RecordAsync(timer, error, ct);
        return Fire.Failed;
    }

    /// <summary>
    /// Locks the instance of the earliest due timer that nobody holds (the instance row comes back as it is now), then reads
    /// the timer again: that second statement's snapshot is taken after the lock, so it sees a cancel or a fire that
    /// committed meanwhile. Null when nothing is due; a null timer when the one found is no longer due.
    /// </summary>
    private static async Task<(InstanceStore.LoadedInstance, ClaimedTimer?)?> ClaimAsync(EngineTransaction tx, DateTimeOffset now, CancellationToken ct)
    {
        InstanceStore.LoadedInstance instance;
        Guid timerId;
        await using (var claim = tx.Batch(
            $"SELECT {InstanceStore.InstanceColumns}, t.id FROM engine.timers t JOIN engine.instances i ON i.id = t.instance_id " +
            "WHERE t.status = 'Pending' AND t.next_attempt_at <= $1 AND (t.leased_until IS NULL OR t.leased_until <= $1) AND i.status = 'Running' " +
            "ORDER BY t.next_attempt_at LIMIT 1 FOR UPDATE OF i SKIP LOCKED", now))
        await using (var r = await claim.ExecuteReaderAsync(ct))
        {
            if (!await r.ReadAsync(ct)) return null;
            instance = InstanceStore.ReadInstance(r);
            timerId = r.GetGuid(9);
        }
        await using var read = tx.Batch(
            "SELECT t.token_id, t.step_id, t.kind, t.work_item_id, t.data, t.due_at, t.attempts FROM engine.timers t " +
            "WHERE t.id = $1 AND t.status = 'Pending' AND t.next_attempt_at <= $2 AND (t.leased_until IS NULL OR t.leased_until <= $2)", timerId, now);
        await using var timer = await read.ExecuteReaderAsync(ct);
        if (instance.Status != InstanceStatus.Running || !await timer.ReadAsync(ct)) return (instance, null);
        return (instance, new ClaimedTimer(timerId, instance.Id, timer.GetGuid(0), timer.GetString(1), Enum.Parse<TimerKind>(timer.GetString(2)),
            timer.IsDBNull(3) ? null : timer.GetGuid(3), timer.IsDBNull(4) ? [] : JsonNode.Parse(timer.GetString(4))!.AsObject(),
            timer.GetFieldValue<DateTimeOffset>(5), timer.GetInt32(6)));
    }
}
