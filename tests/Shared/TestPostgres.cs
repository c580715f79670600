using Engine.Hosting;
using Npgsql;

namespace Tests.Shared;

/// <summary>
/// One PostgreSQL server per test run: the one named by <c>ISO_TEST_POSTGRES</c> (started once by test.sh
/// and shared by every test project), or else an embedded throwaway cluster for this test process.
/// </summary>
public static class TestPostgres
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _server;

    public static async Task<string> ServerAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_server is not null) return _server;
            var configured = Environment.GetEnvironmentVariable("ISO_TEST_POSTGRES");
            if (!string.IsNullOrWhiteSpace(configured)) return _server = configured;
            var folder = Path.Combine(Path.GetTempPath(), "iso-test-pg-" + Guid.NewGuid().ToString("N")[..8]);
            var pg = await EmbeddedPostgres.StartAsync(folder, durable: false);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                pg.DisposeAsync().AsTask().GetAwaiter().GetResult();
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            };
            return _server = pg.ConnectionString();
        }
        finally { Gate.Release(); }
    }

    /// <summary>A fresh, empty database named <paramref name="name"/> plus a unique suffix.</summary>
    public static async Task<string> CreateDatabaseAsync(string name)
    {
        var server = await ServerAsync();
        var database = $"{name}_{Guid.NewGuid():N}"[..Math.Min(name.Length + 9, 60)];
        await using (var conn = new NpgsqlConnection(server))
        {
            await conn.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", conn);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", conn);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 200 }.ConnectionString;
    }

    /// <summary>Empties every table of the schemas (except migration history) in one statement.</summary>
    public static async Task ResetAsync(string connectionString, params string[] schemas)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var list = new NpgsqlCommand(
            "SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') FROM pg_tables " +
            "WHERE schemaname = ANY($1) AND tablename NOT LIKE '\\_\\_%'", conn) { Parameters = { new() { Value = schemas } } };
        if (await list.ExecuteScalarAsync() is string tables && tables.Length > 0)
        {
            await using var truncate = new NpgsqlCommand($"TRUNCATE {tables} RESTART IDENTITY CASCADE", conn);
            await truncate.ExecuteNonQueryAsync();
        }
    }
}
