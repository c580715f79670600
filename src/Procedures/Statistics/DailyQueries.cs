using Npgsql;

namespace Procedures.Statistics;

/// <summary>
/// The per-day rows of each unit (all procedures and officials together): the flows and late results of the days at
/// the edges of an odd period, and the changes of the open dossiers between a boundary and a day start. They answer a
/// grouping by unit without a procedure or official filter; the others read the fact rows.
/// </summary>
internal static class DailyQueries
{
    public static bool Serve(StatFilter filter, Dim dim) => dim == Dim.Unit && filter.Procedures is null && filter.Official is null;

    public static Task FlowsAsync(NpgsqlConnection conn, StatFilter f, DateOnly from, DateOnly toExclusive, Dictionary<string, FigureSums> rows,
        CancellationToken ct) =>
        SummaryQueries.FlowsAsync(conn, f, Dim.Unit, from, toExclusive, rows, ct, "stat_flows_daily", "day");

    public static Task DelaysAsync(NpgsqlConnection conn, StatFilter f, DateOnly from, DateOnly toExclusive, Dictionary<string, FigureSums> rows,
        CancellationToken ct) =>
        SummaryQueries.DelaysAsync(conn, f, Dim.Unit, from, toExclusive, rows, ct, "stat_delays_daily", "day");

    /// <summary>Adds the changes of the open dossiers on the days <paramref name="from"/> to before <paramref name="toExclusive"/>.</summary>
    public static Task OpenChangesAsync(NpgsqlConnection conn, StatFilter f, DateOnly from, DateOnly toExclusive, bool carried,
        Dictionary<string, FigureSums> rows, CancellationToken ct) =>
        from >= toExclusive ? Task.CompletedTask : FactQueries.ReadAsync(conn, $"""
            SELECT unit_id::text, sum(within_time)::bigint, sum(overdue)::bigint, sum(awaiting_supplement)::bigint FROM procedures.stat_open_changes
            WHERE unit_id = ANY($1) AND official = '{Rollup.AllOfficials}' AND procedure_id = '{Rollup.AllProcedures}' AND day >= $4 AND day < $5
            GROUP BY 1
            """, f, [from, toExclusive], r =>
        {
            var (within, overdue, awaiting) = (r.GetInt64(1), r.GetInt64(2), r.GetInt64(3));
            if (within != 0 || overdue != 0 || awaiting != 0) FactQueries.AddOpen(rows.At(r.GetString(0)), carried, within, overdue, awaiting);
        }, ct);
}
