using Npgsql;

namespace Tests.Shared;

/// <summary>
/// An outbox row no dispatcher can publish (a work-item notice whose id is not an id), due now and on its last attempt,
/// so the next dispatch fails it for good and parks it, as a corrupt row written by an older version would be.
/// </summary>
public static class PoisonedMessages
{
    public const string Type = "engine.work-item-opened";

    public static async Task<Guid> AddAsync(NpgsqlDataSource dataSource, Guid? instanceId, int maxAttempts)
    {
        var id = Guid.CreateVersion7();
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO engine.outbox (id, instance_id, type, payload, created_at, attempts, next_attempt_at)
            VALUES ($1, $2, $3, '{"workItemId":"not-a-guid"}', now(), $4, now() - interval '1 second')
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)instanceId ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter { Value = Type });
        cmd.Parameters.Add(new NpgsqlParameter { Value = maxAttempts - 1 });
        await cmd.ExecuteNonQueryAsync();
        return id;
    }
}
