using Npgsql;

namespace Engine.Outbox;

/// <summary>
/// Keeps the messages written during a stretch of work from going out: a seeding of sample or imported history records
/// old news that must reach nobody. Take <see cref="PositionAsync"/> before, then <see cref="MarkSentSinceAsync"/> after.
/// </summary>
public static class OutboxSilence
{
    /// <summary>Where the outbox stands now: every message written later has a greater position.</summary>
    public static async Task<long> PositionAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("SELECT coalesce(max(sequence), 0) FROM engine.outbox");
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Marks every message written after <paramref name="position"/> and not yet sent as sent; returns how many.</summary>
    public static async Task<int> MarkSentSinceAsync(NpgsqlDataSource dataSource, long position, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("UPDATE engine.outbox SET dispatched_at = created_at WHERE sequence > $1 AND dispatched_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = position });
        return await command.ExecuteNonQueryAsync(ct);
    }
}
