using Npgsql;

namespace Procedures.Statistics;

/// <summary>The month view: the months of a period in one transaction, their flows in one pass instead of one read per month.</summary>
internal sealed partial class StatisticsReader
{
    /// <summary>
    /// Reads each month of <paramref name="months"/> (consecutive, the ends clipped to the period) as its own period, in
    /// one transaction. Once the per-day rows are filled and every month start but the first has its snapshot, the flows
    /// of all months come from one statement per table keyed by month (the summaries for the whole half-months, the day
    /// rows for the two edges; the whole months from the month rows), the open dossiers at the month starts from one statement on the snapshots, and only the
    /// start of the first month and the end of the last are read as for any period; otherwise each month is read on its
    /// own (<paramref name="onePass"/> false forces that, for the comparisons).
    /// </summary>
    public async Task<List<PeriodFigures>> ReadMonthsAsync(StatFilter filter, IReadOnlyList<(DateOnly From, DateOnly ToExclusive)> months,
        CancellationToken ct, StatisticsPath path = StatisticsPath.Best, bool onePass = true)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var (through, refreshedAt, dailyReady) = await StateAsync(conn, ct);
        var days = dailyReady && path is StatisticsPath.Best or StatisticsPath.HalfMonths;
        List<PeriodFigures> all;
        if (onePass && days && through is { } snapshots && Slices.Of(months[0].From) <= snapshots && months.Skip(1).All(m => m.From <= snapshots))
            all = await OnePassAsync(conn, snapshots, filter, months, path == StatisticsPath.Best, ct);
        else
        {
            all = new List<PeriodFigures>(months.Count);
            foreach (var (from, toExclusive) in months)
                all.Add(await ReadAsync(conn, path == StatisticsPath.Facts ? null : through, days, path == StatisticsPath.Best, filter, Dim.Unit, from,
                    toExclusive, ct));
        }
        await tx.CommitAsync(ct);
        return all.Select(m => m with { RefreshedAt = refreshedAt }).ToList();
    }

    private async Task<List<PeriodFigures>> OnePassAsync(NpgsqlConnection conn, DateOnly snapshots, StatFilter filter,
        IReadOnlyList<(DateOnly From, DateOnly ToExclusive)> months, bool wholeMonths, CancellationToken ct)
    {
        var (from, toExclusive) = (months[0].From, months[^1].ToExclusive);
        var now = clock.GetUtcNow();
        var end = Slices.Start(toExclusive);
        var asOf = end < now ? end : now;
        var flowsTo = FlowsTo(toExclusive, now);
        var (innerFrom, innerTo) = Inner(from, flowsTo);
        var flows = new Dictionary<string, FigureSums>();
        if (innerFrom < innerTo)
        {
            if (wholeMonths) await SummaryQueries.WholeFlowsAsync(conn, filter, Dim.Unit, innerFrom, innerTo, flows, ct, byMonth: true);
            else await SummaryQueries.FlowsAsync(conn, filter, Dim.Unit, innerFrom, innerTo, flows, ct, byMonth: true);
            await SummaryQueries.DelaysAsync(conn, filter, Dim.Unit, innerFrom, innerTo, flows, ct, byMonth: true);
            await EdgeByMonthAsync(conn, filter, from, innerFrom, flows, ct);
            await EdgeByMonthAsync(conn, filter, innerTo, flowsTo, flows, ct);
        }
        else await EdgeByMonthAsync(conn, filter, from, flowsTo, flows, ct);

        var startBoundary = Slices.Of(from);
        var carried = new Dictionary<string, FigureSums>();
        await SummaryQueries.OpenAtAsync(conn, filter, Dim.Unit, startBoundary, carried: true, carried, ct);
        if (startBoundary != from) await MoveOpenAsync(conn, true, filter, Dim.Unit, startBoundary, Slices.Start(from), carried: true, carried, ct);
        var monthStarts = new Dictionary<string, FigureSums>();
        await SummaryQueries.OpenAtManyAsync(conn, filter, months.Skip(1).Select(m => m.From).ToArray(), monthStarts, ct);
        var endBoundary = Slices.LastBoundaryAtOrBefore(asOf) is var last && last < snapshots ? last : snapshots;
        var open = new Dictionary<string, FigureSums>();
        await SummaryQueries.OpenAtAsync(conn, filter, Dim.Unit, endBoundary, carried: false, open, ct);
        if (Slices.Start(endBoundary) != asOf) await MoveOpenAsync(conn, true, filter, Dim.Unit, endBoundary, asOf, carried: false, open, ct);

        FigureSums OpenAtStart(int i) => i == 0 ? carried.Values.Total() : monthStarts.GetValueOrDefault(months[i].From.ToString("yyyy-MM-dd")) ?? new FigureSums();
        var all = new List<PeriodFigures>(months.Count);
        for (var i = 0; i < months.Count; i++)
        {
            var (monthFrom, monthTo) = months[i];
            var sums = flows.GetValueOrDefault(monthFrom.ToString("yyyy-MM")) ?? new FigureSums();
            var start = OpenAtStart(i);
            sums.CarriedOver = i == 0 ? start.CarriedOver : start.OpenWithinTime + start.OpenOverdue + start.OpenAwaitingSupplement;
            var atEnd = i == months.Count - 1 ? open.Values.Total() : OpenAtStart(i + 1);
            (sums.OpenWithinTime, sums.OpenOverdue, sums.OpenAwaitingSupplement) = (atEnd.OpenWithinTime, atEnd.OpenOverdue, atEnd.OpenAwaitingSupplement);
            var (monthInnerFrom, monthInnerTo) = Inner(monthFrom, FlowsTo(monthTo, now));
            var monthAsOf = i == months.Count - 1 ? asOf : Slices.Start(monthTo);
            all.Add(new PeriodFigures(sums.IsEmpty ? [] : new() { [monthFrom.ToString("yyyy-MM")] = sums }, monthInnerFrom < monthInnerTo, monthAsOf, null));
        }
        return all;
    }

    private static async Task EdgeByMonthAsync(NpgsqlConnection conn, StatFilter filter, DateOnly from, DateOnly toExclusive,
        Dictionary<string, FigureSums> rows, CancellationToken ct)
    {
        if (from >= toExclusive) return;
        await DailyQueries.FlowsAsync(conn, filter, Dim.Unit, from, toExclusive, rows, ct, byMonth: true);
        await DailyQueries.DelaysAsync(conn, filter, Dim.Unit, from, toExclusive, rows, ct, byMonth: true);
    }
}
