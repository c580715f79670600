using Engine.Hosting;
using Npgsql;

namespace Tests.Shared;

/// <summary>
/// One PostgreSQL server per test process: the one named by <c>ISO_TEST_POSTGRES</c> (test.sh starts a shared
/// throwaway cluster for all test projects), else a private throwaway cluster started on first use and stopped at
/// the end of the test run (<see cref="TestPostgresLifetime"/>). Each test fixture takes its own database; tests
/// reset its data rather than recreating it.
/// </summary>
public static class TestPostgres
{
    public const string EnvironmentVariable = "ISO_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> Server = new(StartServerAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    private static EmbeddedPostgres? _embedded;

    /// <summary>Connection string of the server's maintenance database.</summary>
    public static Task<string> ServerConnectionStringAsync() => Server.Value;

    /// <summary>Creates a fresh database named <paramref name="name"/> plus a unique suffix; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string name)
    {
        var server = await Server.Value;
        var database = UniqueName(name);
        await using var conn = new NpgsqlConnection(server);
        await conn.OpenAsync();
        await ExecuteAsync(conn, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        await ExecuteAsync(conn, $"CREATE DATABASE \"{database}\"");
        return new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
    }

    /// <summary>Empties every table of <paramref name="schemas"/> in one statement, keeping the migrations history.</summary>
    public static async Task ResetAsync(string connectionString, params string[] schemas)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        string? tables;
        await using (var list = new NpgsqlCommand(
            """
            SELECT string_agg(format('%I.%I', schemaname, tablename), ', ' ORDER BY schemaname, tablename)
            FROM pg_tables WHERE schemaname = ANY($1) AND tablename <> '__migrations'
            """, conn) { Parameters = { new() { Value = schemas } } })
            tables = await list.ExecuteScalarAsync() as string;
        if (string.IsNullOrEmpty(tables)) return;
        await ExecuteAsync(conn, $"TRUNCATE {tables} RESTART IDENTITY CASCADE");
    }

    private static async Task<string> StartServerAsync()
    {
        var shared = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(shared)) return shared;

        var folder = Path.Combine(Path.GetTempPath(), $"iso-tests-pg-{Guid.NewGuid():N}");
        _embedded = await EmbeddedPostgres.StartAsync(folder, durable: false);
        return _embedded.ConnectionString();
    }

    /// <summary>Stops the private cluster, if this process started one, and deletes its folder.</summary>
    public static async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _embedded, null) is not { } server) return;
        await server.DisposeAsync();
        try { Directory.Delete(server.DataDirectory, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private static string UniqueName(string name)
    {
        var clean = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        if (clean.Length > 40) clean = clean[..40];
        return $"{clean}_{Guid.NewGuid():N}"[..Math.Min(clean.Length + 13, 63)];
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, string sql)
    {
        await using var command = new NpgsqlCommand(sql, conn);
        await command.ExecuteNonQueryAsync();
    }
}
