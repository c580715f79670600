using Npgsql;
using NpgsqlTypes;

namespace Procedures.Statistics;

/// <summary>
/// Adds <see cref="Contributions"/> to the summary tables in one round of binary COPY into temporary tables and an
/// upsert that adds; rows that fall back to zero are deleted, so an incremental refresh leaves exactly what a
/// rebuild would. Rows go in in key order, so a rebuild leaves each unit's rows together on disk and a dashboard
/// reads a few pages per unit rather than one page per row. The per-day rows go in by roll-up level, then day, then
/// unit: an edge of an odd period reads a few days of one level, and an incremental refresh appends in the same order
/// (the newest days last).
/// </summary>
internal static class SummaryStore
{
    public static readonly string[] FlowColumns = Enum.GetValues<Flow>().Select(f => Snake(f.ToString())).ToArray();
    private static readonly string[] OpenColumns = ["within_time", "overdue", "awaiting_supplement"];

    public static async Task ApplyAsync(NpgsqlConnection conn, Contributions c, CancellationToken ct)
    {
        if (c.Flows.Count > 0)
        {
            await ApplyFlowsAsync(conn, "stat_flows", "slice", c.Flows, ct);
            await ApplyFlowsAsync(conn, "stat_flows_monthly", "month", Coarsen(c.Flows, d => new DateOnly(d.Year, d.Month, 1)), ct);
            await ApplyFlowsAsync(conn, "stat_flows_yearly", "year", Coarsen(c.Flows, d => new DateOnly(d.Year, 1, 1)), ct);
        }
        if (c.DailyFlows.Count > 0) await ApplyFlowsAsync(conn, "stat_flows_daily", "day", c.DailyFlows, ct);
        if (c.OpenChanges.Count > 0)
            await ApplyCountsAsync(conn, "stat_open_changes", "unit_id", "day", OpenColumns, c.OpenChanges.Select(kv => (kv.Key, kv.Value)), ct);
        if (c.DailyDelays.Count > 0)
            await ApplyCountsAsync(conn, "stat_delays_daily", "delay_unit_id", "day", ["late"], c.DailyDelays.Select(kv => (kv.Key, new[] { kv.Value })), ct);
        if (c.Open.Count > 0)
            await ApplyCountsAsync(conn, "stat_open", "unit_id", "boundary", OpenColumns,
                c.Open.Select(kv => (kv.Key, kv.Value)), ct);
        if (c.Delays.Count > 0)
            await ApplyCountsAsync(conn, "stat_delays", "delay_unit_id", "slice", ["late"],
                c.Delays.Select(kv => (kv.Key, new[] { kv.Value })), ct);
    }

    /// <summary>The half-month flows added up per calendar month or year (the slices of a month or year are all inside it).</summary>
    private static Dictionary<SummaryKey, FlowDelta> Coarsen(Dictionary<SummaryKey, FlowDelta> flows, Func<DateOnly, DateOnly> period)
    {
        var coarse = new Dictionary<SummaryKey, FlowDelta>();
        foreach (var (key, delta) in flows)
        {
            var at = key with { Day = period(key.Day) };
            if (!coarse.TryGetValue(at, out var sum)) coarse[at] = sum = new FlowDelta();
            sum.Add(delta);
        }
        return coarse;
    }

    private static async Task ApplyFlowsAsync(NpgsqlConnection conn, string table, string dayColumn, Dictionary<SummaryKey, FlowDelta> flows,
        CancellationToken ct)
    {
        var counts = string.Join(", ", FlowColumns);
        var temp = "tmp_" + table;
        await ExecAsync(conn, $"""
            CREATE TEMP TABLE IF NOT EXISTS {temp} (LIKE procedures.{table}) ON COMMIT DELETE ROWS;
            TRUNCATE {temp};
            """, ct);
        await using (var copy = await conn.BeginBinaryImportAsync(
            $"COPY {temp} (unit_id, {dayColumn}, procedure_id, official, {counts}, processing_days_sum, durations) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (key, delta) in flows)
            {
                await KeyAsync(copy, key, ct);
                foreach (var n in delta.Counts) await copy.WriteAsync((int)n, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(delta.DaysSum, NpgsqlDbType.Numeric, ct);
                await copy.WriteAsync(delta.Durations.Select(n => (int)n).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer, ct);
            }
            await copy.CompleteAsync(ct);
        }
        var adds = string.Join(", ", FlowColumns.Select(col => $"{col} = s.{col} + excluded.{col}"));
        var zero = string.Join(" AND ", FlowColumns.Select(col => $"s.{col} = 0"));
        await ExecAsync(conn, $"""
            INSERT INTO procedures.{table} AS s (unit_id, {dayColumn}, procedure_id, official, {counts}, processing_days_sum, durations)
            SELECT unit_id, {dayColumn}, procedure_id, official, {counts}, processing_days_sum, durations FROM {temp}
            ORDER BY {InsertOrder("unit_id", dayColumn)}
            ON CONFLICT (unit_id, {dayColumn}, procedure_id, official) DO UPDATE SET {adds},
                processing_days_sum = s.processing_days_sum + excluded.processing_days_sum,
                durations = ARRAY(SELECT a + b FROM unnest(s.durations, excluded.durations) WITH ORDINALITY AS t(a, b, i) ORDER BY i);
            DELETE FROM procedures.{table} s USING {temp} t
            WHERE s.unit_id = t.unit_id AND s.{dayColumn} = t.{dayColumn} AND s.procedure_id = t.procedure_id AND s.official = t.official
              AND {zero} AND s.processing_days_sum = 0 AND NOT EXISTS (SELECT 1 FROM unnest(s.durations) v WHERE v <> 0);
            """, ct);
    }

    private static async Task ApplyCountsAsync(NpgsqlConnection conn, string table, string unitColumn, string dayColumn, string[] columns,
        IEnumerable<(SummaryKey Key, long[] Counts)> rows, CancellationToken ct)
    {
        var temp = "tmp_" + table;
        var list = string.Join(", ", columns);
        await ExecAsync(conn, $"""
            CREATE TEMP TABLE IF NOT EXISTS {temp} (LIKE procedures.{table}) ON COMMIT DELETE ROWS;
            TRUNCATE {temp};
            """, ct);
        await using (var copy = await conn.BeginBinaryImportAsync(
            $"COPY {temp} ({unitColumn}, {dayColumn}, procedure_id, official, {list}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (key, counts) in rows)
            {
                await KeyAsync(copy, key, ct);
                foreach (var n in counts) await copy.WriteAsync((int)n, NpgsqlDbType.Integer, ct);
            }
            await copy.CompleteAsync(ct);
        }
        var keys = $"{unitColumn}, {dayColumn}, procedure_id, official";
        await ExecAsync(conn, $"""
            INSERT INTO procedures.{table} AS s ({keys}, {list}) SELECT {keys}, {list} FROM {temp}
            ORDER BY {InsertOrder(unitColumn, dayColumn)}
            ON CONFLICT ({keys}) DO UPDATE SET {string.Join(", ", columns.Select(col => $"{col} = s.{col} + excluded.{col}"))};
            DELETE FROM procedures.{table} s USING {temp} t
            WHERE s.{unitColumn} = t.{unitColumn} AND s.{dayColumn} = t.{dayColumn} AND s.procedure_id = t.procedure_id
              AND s.official = t.official AND {string.Join(" AND ", columns.Select(col => $"s.{col} = 0"))};
            """, ct);
    }

    /// <summary>Half-month rows by unit (a dashboard reads a unit's year); per-day rows by level and day (an edge reads a few days).</summary>
    private static string InsertOrder(string unitColumn, string dayColumn) => dayColumn == "day"
        ? $"official <> '{Rollup.AllOfficials}', procedure_id <> '{Rollup.AllProcedures}', day, {unitColumn}, official, procedure_id"
        : $"{unitColumn}, official, procedure_id, {dayColumn}";

    private static async Task KeyAsync(NpgsqlBinaryImporter copy, SummaryKey key, CancellationToken ct)
    {
        await copy.StartRowAsync(ct);
        await copy.WriteAsync(key.Unit, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(key.Day, NpgsqlDbType.Date, ct);
        await copy.WriteAsync(key.Procedure, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(key.Official, NpgsqlDbType.Varchar, ct);
    }

    public static async Task ExecAsync(NpgsqlConnection conn, string sql, CancellationToken ct, params object[] args)
    {
        // A rebuild moves millions of rows in a statement: the default 30 s is for requests, not for this.
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 1800 };
        foreach (var arg in args) cmd.Parameters.Add(new NpgsqlParameter { Value = arg });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static string Snake(string name) =>
        string.Concat(name.Select((ch, i) => char.IsUpper(ch) && i > 0 ? "_" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
}
