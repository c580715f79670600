using System.Text.Json.Nodes;
using Engine.Metrics;
using Engine.Runtime;
using Engine.Timers;
using Npgsql;

namespace Engine.Incidents;

/// <summary>
/// Records a failed attempt of a timer, deadline rule or handler call, in a transaction of its own (the attempt's was
/// rolled back): the timer waits with backoff, and its incident shows the failure from the first attempt on, as
/// Retrying. After the last attempt the timer is parked as Failed and the incident is Open: it waits for an operator,
/// with a history row on the instance. Every other timer goes on meanwhile.
/// </summary>
internal sealed class TimerFailures(NpgsqlDataSource dataSource, TimeProvider clock, TimerOptions options, EngineMetrics metrics)
{
    private const int ErrorLimit = 4_000;

    public async Task RecordAsync(WorkflowRuntime.ClaimedTimer timer, string error, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var attempts = timer.Attempts + 1;
        var parked = attempts >= options.MaxAttempts;
        var message = error.Length > ErrorLimit ? error[..ErrorLimit] : error;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(conn, tx)
        {
            BatchCommands =
            {
                // The instance first, as every engine operation locks it.
                InstanceStore.Command("SELECT 1 FROM engine.instances WHERE id = $1 FOR UPDATE", timer.InstanceId),
                InstanceStore.Command(
                    "UPDATE engine.timers SET attempts = $2, last_error = $3, next_attempt_at = $4, leased_until = NULL, " +
                    "status = CASE WHEN $5 THEN 'Failed' ELSE status END WHERE id = $1 AND status = 'Pending'",
                    timer.Id, attempts, message, now + Backoff.Delay(attempts, options.BaseDelay, options.MaxDelay), parked),
                InstanceStore.Command(
                    "INSERT INTO engine.incidents (id, instance_id, definition_id, definition_version, business_key, step_id, unit_id, kind, timer_id, " +
                    "error, attempts, first_seen_at, last_seen_at, status) " +
                    "SELECT $1, i.id, i.definition_id, i.definition_version, i.business_key, $3, " +
                    // The timer's work item, else the instance's item at the timer's step (open first): a start that took its first
                    // step at once writes two items with one creation time.
                    "coalesce((SELECT w.unit_id FROM engine.work_items w WHERE w.id = $10), " +
                    "(SELECT w.unit_id FROM engine.work_items w WHERE w.instance_id = i.id " +
                    "ORDER BY w.step_id = $3 DESC, w.status = 'Open' DESC, w.created_at DESC LIMIT 1)), " +
                    "$4, $5, $6, $7, $8, $8, $9 FROM engine.instances i WHERE i.id = $2 " +
                    "ON CONFLICT (timer_id) WHERE status <> 'Resolved' DO UPDATE SET error = excluded.error, attempts = excluded.attempts, " +
                    "last_seen_at = excluded.last_seen_at, status = excluded.status",
                    Guid.CreateVersion7(now), timer.InstanceId, timer.StepId, timer.Kind.ToString(), timer.Id, message, attempts, now,
                    parked ? IncidentStatus.Open : IncidentStatus.Retrying, timer.WorkItemId),
            },
        };
        if (parked)
            batch.BatchCommands.Add(InstanceStore.Command(
                "INSERT INTO engine.history (instance_id, at, kind, from_step, comment, data) VALUES ($1, $2, 'IncidentOpened', $3, $4, $5::jsonb)",
                timer.InstanceId, now, timer.StepId, message,
                new JsonObject { ["timer"] = timer.Id.ToString(), ["kind"] = timer.Kind.ToString(), ["attempts"] = attempts }.ToJsonString()));
        await batch.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        metrics.TimerFailed(timer.Kind, incidentOpened: parked);
    }
}

/// <summary>The states of an incident.</summary>
public static class IncidentStatus
{
    /// <summary>Failed at least once; retries are left.</summary>
    public const string Retrying = "Retrying";
    /// <summary>Retries exhausted: the instance waits at the step until an operator retries or resolves it.</summary>
    public const string Open = "Open";
    public const string Resolved = "Resolved";
}
