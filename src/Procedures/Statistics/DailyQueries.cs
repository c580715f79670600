using Npgsql;

namespace Procedures.Statistics;

/// <summary>
/// The per-day rows, at the same roll-up levels as the half-month summaries (unit; unit and procedure; unit, procedure
/// and official): the flows and late results of the days at the edges of an odd period, and the changes of the open
/// dossiers between a boundary and a day start. They answer every grouping and filter; the level is chosen as for the
/// summaries (<see cref="SummaryQueries.Level"/>), and each level has an index by unit and day, so an edge reads the
/// rows of its days only.
/// </summary>
internal static class DailyQueries
{
    public static Task FlowsAsync(NpgsqlConnection conn, StatFilter f, Dim dim, DateOnly from, DateOnly toExclusive, Dictionary<string, FigureSums> rows,
        CancellationToken ct, bool byMonth = false) =>
        SummaryQueries.FlowsAsync(conn, f, dim, from, toExclusive, rows, ct, "stat_flows_daily", "day", byMonth);

    public static Task DelaysAsync(NpgsqlConnection conn, StatFilter f, Dim dim, DateOnly from, DateOnly toExclusive, Dictionary<string, FigureSums> rows,
        CancellationToken ct, bool byMonth = false) =>
        SummaryQueries.DelaysAsync(conn, f, dim, from, toExclusive, rows, ct, "stat_delays_daily", "day", byMonth);

    /// <summary>Adds the changes of the open dossiers on the days <paramref name="from"/> to before <paramref name="toExclusive"/>.</summary>
    public static Task OpenChangesAsync(NpgsqlConnection conn, StatFilter f, Dim dim, DateOnly from, DateOnly toExclusive, bool carried,
        Dictionary<string, FigureSums> rows, CancellationToken ct) =>
        from >= toExclusive ? Task.CompletedTask : FactQueries.ReadAsync(conn, $"""
            SELECT {SummaryQueries.Key(dim)}, sum(within_time)::bigint, sum(overdue)::bigint, sum(awaiting_supplement)::bigint FROM procedures.stat_open_changes
            WHERE unit_id = ANY($1){SummaryQueries.Level(f, dim)} AND day >= $4 AND day < $5{FactQueries.Filters(f)}
            GROUP BY 1
            """, f, [from, toExclusive], r =>
        {
            var (within, overdue, awaiting) = (r.GetInt64(1), r.GetInt64(2), r.GetInt64(3));
            if (within != 0 || overdue != 0 || awaiting != 0) FactQueries.AddOpen(rows.At(r.GetString(0)), carried, within, overdue, awaiting);
        }, ct);
}
