using Engine.Hosting;
using Npgsql;

namespace Benchmarks.Engine;

/// <summary>
/// What the server did for the measured rounds: rows updated in place (HOT) or not, per engine table, and with
/// <c>PROBE_STATEMENTS=1</c> each statement's calls, execution time, buffers and WAL (pg_stat_statements, loaded by
/// restarting the throwaway cluster), so the two paths' statements can be set side by side.
/// </summary>
internal static class ServerStatistics
{
    public static bool PerStatement => Environment.GetEnvironmentVariable("PROBE_STATEMENTS") == "1";

    public static async Task<EmbeddedPostgres> RestartWithStatementsAsync(EmbeddedPostgres postgres, string folder)
    {
        await using (var conn = new NpgsqlConnection(postgres.ConnectionString()))
        {
            await conn.OpenAsync();
            await using var set = new NpgsqlCommand("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'", conn);
            await set.ExecuteNonQueryAsync();
        }
        await postgres.DisposeAsync();
        return await EmbeddedPostgres.StartAsync(folder, durable: false);
    }

    public static async Task ResetAsync(BenchDatabase db)
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        var sql = "SELECT pg_stat_reset()";
        if (PerStatement) sql = "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; " + sql + "; SELECT pg_stat_statements_reset()";
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task PrintAsync(BenchDatabase db, int transitionsPerPath)
    {
        await Task.Delay(1500); // table statistics reach the shared counters within a second
        await using var conn = await db.DataSource.OpenConnectionAsync();
        Console.WriteLine("tables (both paths): updated, of which HOT, inserted");
        await using (var tables = new NpgsqlCommand(
            "SELECT relname, n_tup_upd, n_tup_hot_upd, n_tup_ins FROM pg_stat_user_tables WHERE schemaname = 'engine' AND n_tup_upd + n_tup_ins > 0 ORDER BY relname", conn))
        await using (var r = await tables.ExecuteReaderAsync())
            while (await r.ReadAsync()) Console.WriteLine($"  {r.GetString(0),-12} {r.GetInt64(1),8} {r.GetInt64(2),8} {r.GetInt64(3),8}");
        if (!PerStatement) return;
        Console.WriteLine($"statements (calls; per call: exec µs, plan µs, shared blocks hit, WAL records, WAL bytes), {transitionsPerPath} transitions per path:");
        await using var statements = new NpgsqlCommand(
            "SELECT calls, total_exec_time * 1000 / calls, total_plan_time * 1000 / calls, shared_blks_hit::float8 / calls, wal_records::float8 / calls, " +
            "wal_bytes::float8 / calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) FROM pg_stat_statements " +
            "WHERE calls >= $1 ORDER BY total_exec_time DESC LIMIT 30", conn) { Parameters = { new() { Value = (long)(transitionsPerPath / 2) } } };
        await using var s = await statements.ExecuteReaderAsync();
        while (await s.ReadAsync())
            Console.WriteLine($"  {s.GetInt64(0),7} {s.GetDouble(1),7:N1} {s.GetDouble(2),5:N1} {s.GetDouble(3),6:N1} {s.GetDouble(4),5:N1} {s.GetDouble(5),7:N0}  {s.GetString(6)}");
    }
}
