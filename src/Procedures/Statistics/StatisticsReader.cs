using Npgsql;

namespace Procedures.Statistics;

/// <summary>Figures of one period, grouped by one dimension, with where they came from.</summary>
internal sealed record PeriodFigures(Dictionary<string, FigureSums> Rows, bool FromSummaries, DateTimeOffset AsOf, DateTimeOffset? RefreshedAt);

/// <summary>
/// Reads a period [from, toExclusive): from the summaries when both ends are half-month boundaries the refresher has
/// reached, otherwise from the fact rows. Dossiers still open at the end are read live from the facts when the end
/// is later than the last snapshot (the current period). One repeatable-read transaction, so a refresh running at
/// the same moment is either wholly in or wholly out.
/// </summary>
internal sealed class StatisticsReader(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task<PeriodFigures> ReadAsync(StatFilter filter, Dim dim, DateOnly from, DateOnly toExclusive, CancellationToken ct,
        bool forceFacts = false)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var (through, refreshedAt) = await StateAsync(conn, ct);
        var (start, end) = (Slices.Start(from), Slices.Start(toExclusive));
        var now = clock.GetUtcNow();
        var asOf = end < now ? end : now;
        var rows = new Dictionary<string, FigureSums>();
        // Nothing is received or finished after now, so a period running into the future ends at the next boundary just as well.
        var flowsTo = end >= now && Slices.Next(Slices.Of(now)) is var next && next > toExclusive ? next : toExclusive;
        var summaries = !forceFacts && through is { } t && Slices.IsBoundary(from) && Slices.IsBoundary(flowsTo) && from <= t;
        if (summaries)
        {
            await SummaryQueries.FlowsAsync(conn, filter, dim, from, flowsTo, rows, ct);
            await SummaryQueries.DelaysAsync(conn, filter, dim, from, flowsTo, rows, ct);
            await SummaryQueries.OpenAtAsync(conn, filter, dim, from, carried: true, rows, ct);
            if (flowsTo <= through!.Value) await SummaryQueries.OpenAtAsync(conn, filter, dim, toExclusive, carried: false, rows, ct);
            else await FactQueries.OpenAtAsync(conn, filter, dim, asOf, carried: false, rows, ct);
        }
        else
        {
            await FactQueries.FlowsAsync(conn, filter, dim, start, end, rows, ct);
            await FactQueries.DelaysAsync(conn, filter, dim, start, end, rows, ct);
            await FactQueries.OpenAtAsync(conn, filter, dim, start, carried: true, rows, ct);
            await FactQueries.OpenAtAsync(conn, filter, dim, asOf, carried: false, rows, ct);
        }
        await tx.CommitAsync(ct);
        return new PeriodFigures(rows, summaries, asOf, refreshedAt);
    }

    private static async Task<(DateOnly? Through, DateTimeOffset? RefreshedAt)> StateAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT snapshots_through, refreshed_at FROM procedures.stat_refresh_state WHERE id = 1", conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetFieldValue<DateOnly>(0), reader.GetFieldValue<DateTimeOffset>(1)) : (null, null);
    }
}
