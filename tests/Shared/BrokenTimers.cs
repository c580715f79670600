using Npgsql;

namespace Tests.Shared;

/// <summary>
/// Provokes an incident the way a bad repair would: a timer of an instance whose path is gone (no token of the instance has
/// its id), due now and on its last attempt, so the next poll fails it for good and opens its incident.
/// </summary>
public static class BrokenTimers
{
    public static async Task<Guid> AddAsync(NpgsqlDataSource dataSource, Guid instanceId, string stepId, int maxAttempts)
    {
        var id = Guid.CreateVersion7();
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO engine.timers (id, instance_id, token_id, step_id, kind, due_at, next_attempt_at, attempts, status, created_at)
            VALUES ($1, $2, $3, $4, 'Step', now() - interval '1 minute', now() - interval '1 minute', $5, 'Pending', now())
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = instanceId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = stepId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = maxAttempts - 1 });
        await cmd.ExecuteNonQueryAsync();
        return id;
    }
}
