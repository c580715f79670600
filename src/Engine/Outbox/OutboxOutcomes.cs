using Npgsql;
using NpgsqlTypes;

namespace Engine.Outbox;

/// <summary>
/// What a dispatcher writes back about a claimed row, each in its own short statement. A failure or a release is
/// written only while the row still carries this dispatcher's lease (<c>leased_until</c> is the fencing token: a later
/// claim always sets a later time), so a dispatcher that lost its lease cannot undo the work of the one that took over.
/// </summary>
internal static class OutboxOutcomes
{
    /// <summary>Longest error text kept on a row: enough for an exception's type and message, not for a whole trace.</summary>
    public const int MaxErrorLength = 2000;

    /// <summary>
    /// Records confirmed publishes. Not fenced: the broker has the messages whoever holds the lease now, so saying so
    /// saves duplicates; a row another dispatcher already marked stays as it is.
    /// </summary>
    public static async Task MarkSentAsync(NpgsqlDataSource dataSource, IReadOnlyList<Guid> ids, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE engine.outbox SET dispatched_at = $2, attempts = attempts + 1, leased_until = NULL WHERE id = ANY($1) AND dispatched_at IS NULL");
        command.Parameters.Add(new() { Value = ids });
        command.Parameters.Add(new() { Value = now });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Records a failed attempt: the next one at <paramref name="nextAttemptAt"/>, or none when parked at <paramref name="parkedAt"/>.</summary>
    /// <returns>Whether the row still had this lease (false: another dispatcher took it over and owns the outcome).</returns>
    public static async Task<bool> RecordFailureAsync(NpgsqlDataSource dataSource, ClaimedRow row, string error, DateTimeOffset? nextAttemptAt,
        DateTimeOffset? parkedAt, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE engine.outbox SET attempts = attempts + 1, last_error = $3, next_attempt_at = $4, parked_at = $5, leased_until = NULL
            WHERE id = $1 AND leased_until = $2 AND dispatched_at IS NULL
            """);
        command.Parameters.Add(new() { Value = row.Id });
        command.Parameters.Add(new() { Value = row.LeasedUntil });
        command.Parameters.Add(new() { Value = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error });
        command.Parameters.Add(new() { Value = (object?)nextAttemptAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = (object?)parkedAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Gives rows of one claim back unpublished and uncounted, for the next claim to take in order.</summary>
    public static async Task ReleaseAsync(NpgsqlDataSource dataSource, IReadOnlyCollection<ClaimedRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await using var command = dataSource.CreateCommand("UPDATE engine.outbox SET leased_until = NULL WHERE id = ANY($1) AND leased_until = $2");
        command.Parameters.Add(new() { Value = rows.Select(r => r.Id).ToArray() });
        command.Parameters.Add(new() { Value = rows.First().LeasedUntil });
        await command.ExecuteNonQueryAsync(ct);
    }
}
