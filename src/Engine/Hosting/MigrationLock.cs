using Npgsql;

namespace Engine.Hosting;

/// <summary>
/// Several processes may start at once on a new or older database (two workers, an API and a worker). EF's own lock
/// does not span the separate transactions of several migrations, so schema changes run under one database-wide
/// advisory lock: one process migrates, the others wait and then find nothing left to apply. The wait has no command
/// timeout: on a busy machine the processes ahead may together take longer than one (30 s by default), and a waiter that
/// gave up failed its host's start; the host's start token bounds the wait instead.
/// </summary>
public static class MigrationLock
{
    private const string Key = "iso.migrations";

    public static async Task RunAsync(NpgsqlDataSource dataSource, Func<Task> migrate, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock(hashtext('{Key}'))", connection) { CommandTimeout = 0 })
            await take.ExecuteNonQueryAsync(ct);
        try
        {
            await migrate();
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock(hashtext('{Key}'))", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
