using Npgsql;

namespace Procedures.Statistics;

/// <summary>
/// Where a read takes its figures from: the fastest path; the half-month summaries only for the whole half-months (no month
/// or year rows) with the edges from the day rows; the summaries with edges from the fact rows; or the fact rows only.
/// </summary>
internal enum StatisticsPath { Best, HalfMonths, FactEdges, Facts }

/// <summary>Figures of one period, grouped by one dimension, with where they came from.</summary>
internal sealed record PeriodFigures(Dictionary<string, FigureSums> Rows, bool FromSummaries, DateTimeOffset AsOf, DateTimeOffset? RefreshedAt);

/// <summary>
/// Reads a period [from, toExclusive). Once the refresher has snapshotted the half-month boundary at or before the
/// start, the whole half-months inside the period come from the summaries and only the partial half-months at its
/// edges from the fact rows (indexed ranges of at most two weeks); the open dossiers at an instant between two
/// boundaries are the snapshot at the boundary before it plus the dossiers whose state changed in between
/// (<see cref="OpenDeltas"/>). The whole calendar years and months among those half-months come from the month and year
/// rows (<see cref="SummaryQueries.WholeFlowsAsync"/>). Once the per-day rows are filled, the edges and the changes of the open dossiers come
/// from them instead (<see cref="DailyQueries"/>), for every grouping and filter: the rows of the edge days lie together,
/// where the fact rows of two weeks lie on as many pages as there are dossiers; only the hours of today before now still
/// come from the fact rows. Without a usable snapshot everything is read from the fact rows. One repeatable-read
/// transaction, so a refresh running at the same moment is either wholly in or wholly out.
/// </summary>
internal sealed partial class StatisticsReader(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task<PeriodFigures> ReadAsync(StatFilter filter, Dim dim, DateOnly from, DateOnly toExclusive, CancellationToken ct,
        StatisticsPath path = StatisticsPath.Best)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var (through, refreshedAt, dailyReady) = await StateAsync(conn, ct);
        var days = dailyReady && path is StatisticsPath.Best or StatisticsPath.HalfMonths;
        var figures = await ReadAsync(conn, path == StatisticsPath.Facts ? null : through, days, path == StatisticsPath.Best, filter, dim, from,
            toExclusive, ct);
        await tx.CommitAsync(ct);
        return figures with { RefreshedAt = refreshedAt };
    }

    private async Task<PeriodFigures> ReadAsync(NpgsqlConnection conn, DateOnly? through, bool days, bool wholeMonths, StatFilter filter, Dim dim,
        DateOnly from, DateOnly toExclusive, CancellationToken ct)
    {
        var end = Slices.Start(toExclusive);
        var now = clock.GetUtcNow();
        var asOf = end < now ? end : now;
        var rows = new Dictionary<string, FigureSums>();
        var flowsTo = FlowsTo(toExclusive, now);
        var startBoundary = Slices.Of(from);
        if (through is not { } snapshots || startBoundary > snapshots)
        {
            await FactQueries.FlowsAsync(conn, filter, dim, Slices.Start(from), end, rows, ct);
            await FactQueries.DelaysAsync(conn, filter, dim, Slices.Start(from), end, rows, ct);
            await FactQueries.OpenAtAsync(conn, filter, dim, Slices.Start(from), carried: true, rows, ct);
            await FactQueries.OpenAtAsync(conn, filter, dim, asOf, carried: false, rows, ct);
            return new PeriodFigures(rows, false, asOf, null);
        }

        var (innerFrom, innerTo) = Inner(from, flowsTo);
        if (innerFrom < innerTo)
        {
            if (wholeMonths) await SummaryQueries.WholeFlowsAsync(conn, filter, dim, innerFrom, innerTo, rows, ct);
            else await SummaryQueries.FlowsAsync(conn, filter, dim, innerFrom, innerTo, rows, ct);
            await SummaryQueries.DelaysAsync(conn, filter, dim, innerFrom, innerTo, rows, ct);
            await EdgeAsync(conn, days, filter, dim, from, innerFrom, rows, ct);
            await EdgeAsync(conn, days, filter, dim, innerTo, flowsTo, rows, ct);
        }
        else await EdgeAsync(conn, days, filter, dim, from, flowsTo, rows, ct);

        await SummaryQueries.OpenAtAsync(conn, filter, dim, startBoundary, carried: true, rows, ct);
        if (startBoundary != from) await MoveOpenAsync(conn, days, filter, dim, startBoundary, Slices.Start(from), carried: true, rows, ct);
        var endBoundary = Slices.LastBoundaryAtOrBefore(asOf) is var last && last < snapshots ? last : snapshots;
        await SummaryQueries.OpenAtAsync(conn, filter, dim, endBoundary, carried: false, rows, ct);
        if (Slices.Start(endBoundary) != asOf) await MoveOpenAsync(conn, days, filter, dim, endBoundary, asOf, carried: false, rows, ct);
        foreach (var key in rows.Where(kv => kv.Value.IsEmpty).Select(kv => kv.Key).ToList()) rows.Remove(key);
        return new PeriodFigures(rows, innerFrom < innerTo, asOf, null);
    }

    /// <summary>Nothing is received or finished after now, so a period running into the future ends at the next boundary just as well.</summary>
    private static DateOnly FlowsTo(DateOnly toExclusive, DateTimeOffset now) =>
        Slices.Start(toExclusive) >= now && Slices.Next(Slices.Of(now)) is var next && next > toExclusive ? next : toExclusive;

    /// <summary>The whole half-months of [from, flowsTo): empty when none lies inside.</summary>
    private static (DateOnly From, DateOnly To) Inner(DateOnly from, DateOnly flowsTo) =>
        (Slices.IsBoundary(from) ? from : Slices.Next(Slices.Of(from)), Slices.Of(flowsTo));

    /// <summary>The open dossiers from the start of the boundary day to <paramref name="to"/>: whole days from the per-day changes, the rest from the fact rows.</summary>
    private static async Task MoveOpenAsync(NpgsqlConnection conn, bool days, StatFilter filter, Dim dim, DateOnly boundary, DateTimeOffset to, bool carried,
        Dictionary<string, FigureSums> rows, CancellationToken ct)
    {
        var from = Slices.Start(boundary);
        if (days)
        {
            var lastDay = Slices.LocalDate(to);
            await DailyQueries.OpenChangesAsync(conn, filter, dim, boundary, lastDay, carried, rows, ct);
            from = Slices.Start(lastDay);
        }
        if (from < to) await OpenDeltas.AddAsync(conn, filter, dim, from, to, carried, rows, ct);
    }

    /// <summary>The flows of a partial half-month from the per-day rows, or straight from the fact rows.</summary>
    private static async Task EdgeAsync(NpgsqlConnection conn, bool days, StatFilter filter, Dim dim, DateOnly from, DateOnly toExclusive,
        Dictionary<string, FigureSums> rows, CancellationToken ct)
    {
        if (from >= toExclusive) return;
        var edge = new Dictionary<string, FigureSums>();
        if (days)
        {
            await DailyQueries.FlowsAsync(conn, filter, dim, from, toExclusive, edge, ct);
            await DailyQueries.DelaysAsync(conn, filter, dim, from, toExclusive, edge, ct);
            foreach (var (key, sums) in edge) rows.At(key).Add(sums);
            return;
        }
        await FactQueries.FlowsAsync(conn, filter, dim, Slices.Start(from), Slices.Start(toExclusive), edge, ct);
        await FactQueries.DelaysAsync(conn, filter, dim, Slices.Start(from), Slices.Start(toExclusive), edge, ct);
        foreach (var (key, sums) in edge) rows.At(key).Add(sums);
    }

    private static async Task<(DateOnly? Through, DateTimeOffset? RefreshedAt, bool DailyReady)> StateAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        // A requested rebuild (a migration changed what the summaries hold) reads as no refresh yet: the fact rows until it is done.
        await using var cmd = new NpgsqlCommand(
            "SELECT snapshots_through, refreshed_at, daily_ready FROM procedures.stat_refresh_state WHERE id = 1 AND NOT rebuild_requested", conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetFieldValue<DateOnly>(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetBoolean(2)) : (null, null, false);
    }
}
