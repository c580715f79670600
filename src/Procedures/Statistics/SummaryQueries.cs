using Npgsql;

namespace Procedures.Statistics;

/// <summary>The figures from the half-month summaries: a few thousand rows for a province and a year.</summary>
internal static class SummaryQueries
{
    public static string Key(Dim dim, bool delay = false) => dim switch
    {
        Dim.Unit => delay ? "delay_unit_id::text" : "unit_id::text",
        Dim.Procedure => "procedure_id::text",
        _ => "official",
    };

    /// <summary>The key of a row by calendar month of its slice or day, for the month view read in one pass.</summary>
    public static string MonthKey(string dayColumn) => $"to_char({dayColumn}, 'YYYY-MM')";

    /// <summary>The roll-up level that answers the grouping and filters with the fewest rows (the partial indexes repeat these predicates).</summary>
    public static string Level(StatFilter f, Dim dim) =>
        (dim == Dim.Official || f.Official is not null) && dim != Dim.Procedure && f.Procedures is null
            ? $" AND official <> '{Rollup.AllOfficials}' AND procedure_id = '{Rollup.AllProcedures}'"
        : dim == Dim.Official || f.Official is not null ? $" AND official <> '{Rollup.AllOfficials}' AND procedure_id <> '{Rollup.AllProcedures}'"
        : dim == Dim.Procedure || f.Procedures is not null ? $" AND official = '{Rollup.AllOfficials}' AND procedure_id <> '{Rollup.AllProcedures}'"
        : $" AND official = '{Rollup.AllOfficials}' AND procedure_id = '{Rollup.AllProcedures}'";

    /// <summary>
    /// The flows of the whole half-months from <paramref name="from"/> to before <paramref name="to"/> (both boundaries):
    /// whole calendar years from <c>stat_flows_yearly</c> (not for the month view, which keys by month), whole months from
    /// <c>stat_flows_monthly</c>, and the half-month left at each end from <c>stat_flows</c>. When fewer rows are read that
    /// way, the whole years around the period are read and the parts outside it taken off (2 Jan – 31 Dec: the year less
    /// its first half-month); flows are sums, so that is exact.
    /// </summary>
    public static async Task WholeFlowsAsync(NpgsqlConnection conn, StatFilter f, Dim dim, DateOnly from, DateOnly to,
        Dictionary<string, FigureSums> rows, CancellationToken ct, bool byMonth = false)
    {
        foreach (var (table, column, rangeFrom, rangeTo, sign) in Cover(from, to, years: !byMonth))
            await FlowsAsync(conn, f, dim, rangeFrom, rangeTo, rows, ct, table, column, byMonth, sign);
    }

    /// <summary>The fewest runs of stored rows whose signed sum is [from, to): the runs inside it, or its whole years less the runs outside it.</summary>
    public static List<(string Table, string Column, DateOnly From, DateOnly To, int Sign)> Cover(DateOnly from, DateOnly to, bool years = true)
    {
        var inside = Ranges(from, to, years).Select(r => (r.Table, r.Column, r.From, r.To, Sign: 1)).ToList();
        if (!years || from >= to) return inside;
        var (yearFrom, yearTo) = (new DateOnly(from.Year, 1, 1), new DateOnly(to.AddDays(-1).Year + 1, 1, 1));
        var around = Ranges(yearFrom, yearTo, years).Select(r => (r.Table, r.Column, r.From, r.To, Sign: 1))
            .Concat(Ranges(yearFrom, from, years).Concat(Ranges(to, yearTo, years)).Select(r => (r.Table, r.Column, r.From, r.To, Sign: -1))).ToList();
        return Reads(around) < Reads(inside) ? around : inside;
    }

    /// <summary>Stored rows read per unit and key: one per year, month or half-month in the runs.</summary>
    private static int Reads(IEnumerable<(string Table, string Column, DateOnly From, DateOnly To, int Sign)> runs) => runs.Sum(r => r.Table switch
    {
        "stat_flows_yearly" => r.To.Year - r.From.Year,
        "stat_flows_monthly" => (r.To.Year - r.From.Year) * 12 + r.To.Month - r.From.Month,
        _ => (r.To.Year - r.From.Year) * 24 + (r.To.Month - r.From.Month) * 2 + (r.To.Day == r.From.Day ? 0 : r.To.Day > r.From.Day ? 1 : -1),
    });

    /// <summary>[from, to) of half-month boundaries cut into runs of the coarsest rows that cover them exactly.</summary>
    public static IEnumerable<(string Table, string Column, DateOnly From, DateOnly To)> Ranges(DateOnly from, DateOnly to, bool years = true)
    {
        if (from >= to) yield break;
        var monthFrom = from.Day == 1 ? from : new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        var monthTo = new DateOnly(to.Year, to.Month, 1);
        if (monthFrom >= monthTo)
        {
            yield return ("stat_flows", "slice", from, to);
            yield break;
        }
        if (from < monthFrom) yield return ("stat_flows", "slice", from, monthFrom);
        var yearFrom = monthFrom.Month == 1 ? monthFrom : new DateOnly(monthFrom.Year + 1, 1, 1);
        var yearTo = new DateOnly(monthTo.Year, 1, 1);
        if (years && yearFrom < yearTo)
        {
            if (monthFrom < yearFrom) yield return ("stat_flows_monthly", "month", monthFrom, yearFrom);
            yield return ("stat_flows_yearly", "year", yearFrom, yearTo);
            if (yearTo < monthTo) yield return ("stat_flows_monthly", "month", yearTo, monthTo);
        }
        else yield return ("stat_flows_monthly", "month", monthFrom, monthTo);
        if (monthTo < to) yield return ("stat_flows", "slice", monthTo, to);
    }

    /// <summary>The flows of the slices (or, from <c>stat_flows_daily</c>, the days) from <paramref name="from"/> to before <paramref name="to"/>.</summary>
    public static Task FlowsAsync(NpgsqlConnection conn, StatFilter f, Dim dim, DateOnly from, DateOnly to,
        Dictionary<string, FigureSums> rows, CancellationToken ct, string table = "stat_flows", string dayColumn = "slice", bool byMonth = false, int sign = 1)
    {
        var counts = string.Join(", ", SummaryStore.FlowColumns.Select(c => $"sum({c})::bigint"));
        var durations = string.Join(", ", Enumerable.Range(1, DurationBuckets.Count).Select(i => $"coalesce(sum(durations[{i}]), 0)::bigint"));
        var flowCount = SummaryStore.FlowColumns.Length;
        return FactQueries.ReadAsync(conn, $"""
            SELECT {(byMonth ? MonthKey(dayColumn) : Key(dim))}, {counts}, sum(processing_days_sum), {durations}
            FROM procedures.{table}
            WHERE unit_id = ANY($1){Level(f, dim)} AND {dayColumn} >= $4 AND {dayColumn} < $5{FactQueries.Filters(f)} GROUP BY 1
            """, f, [from, to], r =>
        {
            var s = rows.At(r.GetString(0));
            long At(Flow flow) => sign * r.GetInt64(1 + (int)flow);
            s.ReceivedCounter += At(Flow.ReceivedCounter); s.ReceivedOnline += At(Flow.ReceivedOnline); s.ReceivedPost += At(Flow.ReceivedPost);
            s.ReceivedWithFee += At(Flow.ReceivedWithFee); s.ReceivedWithFeeOnline += At(Flow.ReceivedWithFeeOnline);
            s.ReceivedDigitised += At(Flow.ReceivedDigitised); s.FinishedEarly += At(Flow.FinishedEarly); s.FinishedOnTime += At(Flow.FinishedOnTime);
            s.FinishedLate += At(Flow.FinishedLate); s.Refused += At(Flow.Refused); s.NotAccepted += At(Flow.NotAccepted);
            s.Withdrawn += At(Flow.Withdrawn); s.SupplementRequests += At(Flow.SupplementRequests);
            s.ProcessingDaysSum += sign * r.GetDecimal(1 + flowCount);
            for (var i = 0; i < DurationBuckets.Count; i++) s.Durations[i] += sign * r.GetInt64(2 + flowCount + i);
        }, ct);
    }

    public static Task DelaysAsync(NpgsqlConnection conn, StatFilter f, Dim dim, DateOnly from, DateOnly to,
        Dictionary<string, FigureSums> rows, CancellationToken ct, string table = "stat_delays", string dayColumn = "slice", bool byMonth = false) =>
        FactQueries.ReadAsync(conn, $"""
            SELECT {(byMonth ? MonthKey(dayColumn) : Key(dim, delay: true))}, sum(late)::bigint FROM procedures.{table}
            WHERE delay_unit_id = ANY($1){Level(f, dim)} AND {dayColumn} >= $4 AND {dayColumn} < $5{FactQueries.Filters(f)} GROUP BY 1
            """, f, [from, to], r => rows.At(r.GetString(0)).DelayAttributed += r.GetInt64(1), ct);

    public static Task OpenAtAsync(NpgsqlConnection conn, StatFilter f, Dim dim, DateOnly boundary, bool carried,
        Dictionary<string, FigureSums> rows, CancellationToken ct) =>
        FactQueries.ReadAsync(conn, $"""
            SELECT {Key(dim)}, sum(within_time)::bigint, sum(overdue)::bigint, sum(awaiting_supplement)::bigint FROM procedures.stat_open
            WHERE unit_id = ANY($1){Level(f, dim)} AND boundary = $4{FactQueries.Filters(f)} GROUP BY 1
            """, f, [boundary], r => FactQueries.AddOpen(rows.At(r.GetString(0)), carried, r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)), ct);

    /// <summary>The open dossiers of the whole subtree at several boundaries in one statement, keyed by boundary (yyyy-MM-dd).</summary>
    public static Task OpenAtManyAsync(NpgsqlConnection conn, StatFilter f, DateOnly[] boundaries, Dictionary<string, FigureSums> rows,
        CancellationToken ct) =>
        boundaries.Length == 0 ? Task.CompletedTask : FactQueries.ReadAsync(conn, $"""
            SELECT to_char(boundary, 'YYYY-MM-DD'), sum(within_time)::bigint, sum(overdue)::bigint, sum(awaiting_supplement)::bigint
            FROM procedures.stat_open
            WHERE unit_id = ANY($1){Level(f, Dim.Unit)} AND boundary = ANY($4){FactQueries.Filters(f)} GROUP BY 1
            """, f, [boundaries], r => FactQueries.AddOpen(rows.At(r.GetString(0)), false, r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)), ct);
}
