using Engine.Hosting;
using Npgsql;

namespace Tests.Shared;

/// <summary>
/// One PostgreSQL server per test run: the one named by <c>ISO_TEST_POSTGRES</c> (started once by test.sh
/// and shared by every test project), or else an embedded throwaway cluster for this test process, stopped at
/// the end of the run (<see cref="TestPostgresLifetime"/>). Each fixture takes its own database; tests reset its
/// data rather than recreating it.
/// </summary>
public static class TestPostgres
{
    public const string EnvironmentVariable = "ISO_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> Server = new(StartServerAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    private static EmbeddedPostgres? _embedded;

    /// <summary>Connection string of the server's maintenance database.</summary>
    public static Task<string> ServerAsync() => Server.Value;

    /// <summary>A fresh, empty database named <paramref name="name"/> plus a unique suffix; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string name)
    {
        var server = await Server.Value;
        var database = UniqueName(name);
        await using (var conn = new NpgsqlConnection(server))
        {
            await conn.OpenAsync();
            await ExecuteAsync(conn, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            await ExecuteAsync(conn, $"CREATE DATABASE \"{database}\"");
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 200 }.ConnectionString;
    }

    /// <summary>Empties every table of the schemas in one statement, keeping migration history (tables named <c>__*</c>).</summary>
    public static async Task ResetAsync(string connectionString, params string[] schemas)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var list = new NpgsqlCommand(
            "SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') FROM pg_tables " +
            "WHERE schemaname = ANY($1) AND tablename NOT LIKE '\\_\\_%'", conn) { Parameters = { new() { Value = schemas } } };
        if (await list.ExecuteScalarAsync() is string tables && tables.Length > 0)
            await ExecuteAsync(conn, $"TRUNCATE {tables} RESTART IDENTITY CASCADE");
    }

    /// <summary>Stops the embedded cluster, if this process started one, and deletes its folder.</summary>
    public static async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _embedded, null) is not { } server) return;
        await server.DisposeAsync();
        try { Directory.Delete(server.DataDirectory, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private static async Task<string> StartServerAsync()
    {
        var shared = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(shared)) return shared;
        var folder = Path.Combine(Path.GetTempPath(), $"iso-tests-pg-{Guid.NewGuid():N}");
        // Its own exit hook stops the server too, but the test runner may end the process before that finishes.
        _embedded = await EmbeddedPostgres.StartAsync(folder, durable: false);
        return _embedded.ConnectionString();
    }

    private static string UniqueName(string name)
    {
        var clean = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        if (clean.Length > 40) clean = clean[..40];
        return $"{clean}_{Guid.NewGuid():N}"[..(clean.Length + 13)];
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, string sql)
    {
        await using var command = new NpgsqlCommand(sql, conn);
        await command.ExecuteNonQueryAsync();
    }
}
