using Npgsql;

namespace Procedures.Statistics;

/// <summary>Figures of one period, grouped by one dimension, with where they came from.</summary>
internal sealed record PeriodFigures(Dictionary<string, FigureSums> Rows, bool FromSummaries, DateTimeOffset AsOf, DateTimeOffset? RefreshedAt);

/// <summary>
/// Reads a period [from, toExclusive). Once the refresher has snapshotted the half-month boundary at or before the
/// start, the whole half-months inside the period come from the summaries and only the partial half-months at its
/// edges from the fact rows (indexed ranges of at most two weeks); the open dossiers at an instant between two
/// boundaries are the snapshot at the boundary before it plus the dossiers whose state changed in between
/// (<see cref="OpenDeltas"/>). Without a usable snapshot everything is read from the fact rows. One repeatable-read
/// transaction, so a refresh running at the same moment is either wholly in or wholly out.
/// </summary>
internal sealed class StatisticsReader(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task<PeriodFigures> ReadAsync(StatFilter filter, Dim dim, DateOnly from, DateOnly toExclusive, CancellationToken ct,
        bool forceFacts = false)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var (through, refreshedAt) = await StateAsync(conn, ct);
        var figures = await ReadAsync(conn, forceFacts ? null : through, filter, dim, from, toExclusive, ct);
        await tx.CommitAsync(ct);
        return figures with { RefreshedAt = refreshedAt };
    }

    /// <summary>Several periods in one transaction (the months of a period), each read as <see cref="ReadAsync(StatFilter, Dim, DateOnly, DateOnly, CancellationToken, bool)"/>.</summary>
    public async Task<List<PeriodFigures>> ReadManyAsync(StatFilter filter, Dim dim, IReadOnlyList<(DateOnly From, DateOnly ToExclusive)> periods,
        CancellationToken ct, bool forceFacts = false)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var (through, refreshedAt) = await StateAsync(conn, ct);
        var all = new List<PeriodFigures>(periods.Count);
        foreach (var (from, toExclusive) in periods)
            all.Add(await ReadAsync(conn, forceFacts ? null : through, filter, dim, from, toExclusive, ct) with { RefreshedAt = refreshedAt });
        await tx.CommitAsync(ct);
        return all;
    }

    private async Task<PeriodFigures> ReadAsync(NpgsqlConnection conn, DateOnly? through, StatFilter filter, Dim dim, DateOnly from,
        DateOnly toExclusive, CancellationToken ct)
    {
        var end = Slices.Start(toExclusive);
        var now = clock.GetUtcNow();
        var asOf = end < now ? end : now;
        var rows = new Dictionary<string, FigureSums>();
        // Nothing is received or finished after now, so a period running into the future ends at the next boundary just as well.
        var flowsTo = end >= now && Slices.Next(Slices.Of(now)) is var next && next > toExclusive ? next : toExclusive;
        var startBoundary = Slices.Of(from);
        if (through is not { } snapshots || startBoundary > snapshots)
        {
            await FactQueries.FlowsAsync(conn, filter, dim, Slices.Start(from), end, rows, ct);
            await FactQueries.DelaysAsync(conn, filter, dim, Slices.Start(from), end, rows, ct);
            await FactQueries.OpenAtAsync(conn, filter, dim, Slices.Start(from), carried: true, rows, ct);
            await FactQueries.OpenAtAsync(conn, filter, dim, asOf, carried: false, rows, ct);
            return new PeriodFigures(rows, false, asOf, null);
        }

        var (innerFrom, innerTo) = (Slices.IsBoundary(from) ? from : Slices.Next(startBoundary), Slices.Of(flowsTo));
        if (innerFrom < innerTo)
        {
            await SummaryQueries.FlowsAsync(conn, filter, dim, innerFrom, innerTo, rows, ct);
            await SummaryQueries.DelaysAsync(conn, filter, dim, innerFrom, innerTo, rows, ct);
            await EdgeAsync(conn, filter, dim, from, innerFrom, rows, ct);
            await EdgeAsync(conn, filter, dim, innerTo, flowsTo, rows, ct);
        }
        else await EdgeAsync(conn, filter, dim, from, flowsTo, rows, ct);

        await SummaryQueries.OpenAtAsync(conn, filter, dim, startBoundary, carried: true, rows, ct);
        if (startBoundary != from) await OpenDeltas.AddAsync(conn, filter, dim, Slices.Start(startBoundary), Slices.Start(from), carried: true, rows, ct);
        var endBoundary = Slices.LastBoundaryAtOrBefore(asOf) is var last && last < snapshots ? last : snapshots;
        await SummaryQueries.OpenAtAsync(conn, filter, dim, endBoundary, carried: false, rows, ct);
        if (Slices.Start(endBoundary) != asOf) await OpenDeltas.AddAsync(conn, filter, dim, Slices.Start(endBoundary), asOf, carried: false, rows, ct);
        foreach (var key in rows.Where(kv => kv.Value.IsEmpty).Select(kv => kv.Key).ToList()) rows.Remove(key);
        return new PeriodFigures(rows, innerFrom < innerTo, asOf, null);
    }

    /// <summary>The flows of a partial half-month straight from the fact rows.</summary>
    private static async Task EdgeAsync(NpgsqlConnection conn, StatFilter filter, Dim dim, DateOnly from, DateOnly toExclusive,
        Dictionary<string, FigureSums> rows, CancellationToken ct)
    {
        if (from >= toExclusive) return;
        var edge = new Dictionary<string, FigureSums>();
        await FactQueries.FlowsAsync(conn, filter, dim, Slices.Start(from), Slices.Start(toExclusive), edge, ct);
        await FactQueries.DelaysAsync(conn, filter, dim, Slices.Start(from), Slices.Start(toExclusive), edge, ct);
        foreach (var (key, sums) in edge) rows.At(key).Add(sums);
    }

    private static async Task<(DateOnly? Through, DateTimeOffset? RefreshedAt)> StateAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT snapshots_through, refreshed_at FROM procedures.stat_refresh_state WHERE id = 1", conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetFieldValue<DateOnly>(0), reader.GetFieldValue<DateTimeOffset>(1)) : (null, null);
    }
}
