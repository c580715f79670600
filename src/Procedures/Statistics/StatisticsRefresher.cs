using Npgsql;
using Procedures.Calendar;
using Procedures.Dossiers;

namespace Procedures.Statistics;

/// <summary>What a refresh did.</summary>
public sealed record StatisticsRefreshed(bool Rebuilt, int DossiersRead, int BoundariesAdded, long EventWatermark, DateOnly SnapshotsThrough, DateTimeOffset At);

/// <summary>
/// Keeps the statistics summaries in step with the dossiers; the worker schedules <see cref="RefreshStatisticsAsync"/>
/// (every minute is plenty). Dossiers that changed are found through their events (every use case writes one); a
/// window of recent events is read again each time, because an event id taken by a transaction that commits late
/// would otherwise be skipped. Changed facts are recomputed, their old contribution taken off the summaries and the
/// new one added; boundaries that have passed get their snapshot of open dossiers. One refresher at a time (advisory
/// lock), in one transaction, so readers see either the old or the new state.
/// </summary>
public sealed class StatisticsRefresher(NpgsqlDataSource dataSource, CalendarProvider calendar, DossierSettings settings, TimeProvider clock)
{
    private const long LockKey = 0x5354_4154_5331; // "STATS1"
    private const int Batch = 5_000;

    /// <summary>Events read again on every refresh to catch transactions that committed after a later id.</summary>
    public int EventOverlap { get; init; } = 10_000;

    public async Task<StatisticsRefreshed> RefreshStatisticsAsync(CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await SummaryStore.ExecAsync(conn, "SELECT pg_advisory_xact_lock($1)", ct, LockKey);
        var state = await ReadStateAsync(conn, ct);
        if (state is null or { RebuildRequested: true })
        {
            var rebuilt = await RebuildAsync(conn, ct);
            await tx.CommitAsync(ct);
            return rebuilt;
        }
        if (!state.Value.DailyReady) await BackfillDaysAsync(conn, ct);
        var now = clock.GetUtcNow();
        var builder = new FactBuilder(calendar.Current, settings);
        var maxEvent = await ScalarAsync<long>(conn, "SELECT coalesce(max(id), 0) FROM procedures.dossier_events", ct);
        var changed = await ListIdsAsync(conn, "SELECT DISTINCT dossier_id FROM procedures.dossier_events WHERE id > $1",
            Math.Max(0, state.Value.Watermark - EventOverlap), ct);
        foreach (var chunk in changed.Chunk(Batch))
            await UpdateFactsAsync(conn, builder, chunk, state.Value.Through, ct);

        var boundaries = Slices.Between(state.Value.Through, Slices.LastBoundaryAtOrBefore(now)).ToList();
        foreach (var boundary in boundaries)
        {
            var at = Slices.Start(boundary);
            var open = await FactRows.ListAsync(conn, "received_at < $1 AND (finished_at IS NULL OR finished_at >= $1)", p => p.AddWithValue(at), ct);
            var snapshot = new Contributions();
            foreach (var fact in open) snapshot.AddAtBoundary(fact, boundary);
            await SummaryStore.ApplyAsync(conn, snapshot, ct);
        }
        var through = boundaries.Count > 0 ? boundaries[^1] : state.Value.Through;
        await SummaryStore.ExecAsync(conn, """
            UPDATE procedures.stat_refresh_state SET event_watermark = $1, snapshots_through = $2, refreshed_at = $3 WHERE id = 1
            """, ct, maxEvent, through, now);
        await tx.CommitAsync(ct);
        return new StatisticsRefreshed(false, changed.Count, boundaries.Count, maxEvent, through, now);
    }

    /// <summary>
    /// Recomputes every fact and summary from the dossiers: after a bulk import, or when the calendar of past years
    /// changed (a holiday added afterwards changes working days already counted). Clears a requested rebuild.
    /// </summary>
    public async Task<StatisticsRefreshed> RebuildStatisticsAsync(CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await SummaryStore.ExecAsync(conn, "SELECT pg_advisory_xact_lock($1)", ct, LockKey);
        var rebuilt = await RebuildAsync(conn, ct);
        await tx.CommitAsync(ct);
        return rebuilt;
    }

    private async Task<StatisticsRefreshed> RebuildAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var through = Slices.LastBoundaryAtOrBefore(now);
        var builder = new FactBuilder(calendar.Current, settings);
        var maxEvent = await ScalarAsync<long>(conn, "SELECT coalesce(max(id), 0) FROM procedures.dossier_events", ct);
        await SummaryStore.ExecAsync(conn, """
            TRUNCATE procedures.stat_dossier_facts, procedures.stat_flows, procedures.stat_open, procedures.stat_delays, procedures.stat_refresh_state,
                procedures.stat_flows_daily, procedures.stat_open_changes, procedures.stat_delays_daily, procedures.stat_flows_monthly,
                procedures.stat_flows_yearly
            """, ct);
        var sums = new Contributions();
        var facts = new List<DossierFact>();
        var read = 0;
        // A second connection streams the dossiers while this one copies the facts in, batch by batch.
        await using (var source = await dataSource.OpenConnectionAsync(ct))
        await using (var cmd = new NpgsqlCommand(FactBuilder.AllSql, source) { CommandTimeout = 1800 })
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                read++;
                if (builder.Build(reader) is not { } fact) continue;
                sums.Add(fact, 1, through);
                facts.Add(fact);
                if (facts.Count < 50_000) continue;
                await FactRows.CopyAsync(conn, "procedures.stat_dossier_facts", facts, ct);
                facts.Clear();
            }
        }
        await FactRows.CopyAsync(conn, "procedures.stat_dossier_facts", facts, ct);
        await SummaryStore.ApplyAsync(conn, sums, ct);
        await SummaryStore.ExecAsync(conn, """
            INSERT INTO procedures.stat_refresh_state (id, event_watermark, snapshots_through, refreshed_at, rebuilt_at, daily_ready)
            VALUES (1, $1, $2, $3, $3, true)
            """, ct, maxEvent, through, now);
        await SummaryStore.ExecAsync(conn, "ANALYZE procedures.stat_dossier_facts; ANALYZE procedures.stat_flows; ANALYZE procedures.stat_open; " +
            "ANALYZE procedures.stat_flows_daily; ANALYZE procedures.stat_open_changes; ANALYZE procedures.stat_delays_daily; " +
            "ANALYZE procedures.stat_flows_monthly; ANALYZE procedures.stat_flows_yearly", ct);
        return new StatisticsRefreshed(true, read, 0, maxEvent, through, now);
    }

    private static async Task UpdateFactsAsync(NpgsqlConnection conn, FactBuilder builder, Guid[] ids, DateOnly through, CancellationToken ct)
    {
        var old = await FactRows.ListAsync(conn, "dossier_id = ANY($1) FOR UPDATE", p => p.AddWithValue(ids), ct);
        var fresh = new List<DossierFact>();
        await using (var cmd = new NpgsqlCommand(FactBuilder.ByIdsSql, conn) { Parameters = { new() { Value = ids } } })
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                if (builder.Build(reader) is { } fact) fresh.Add(fact);

        var delta = new Contributions();
        foreach (var fact in old) delta.Add(fact, -1, through);
        foreach (var fact in fresh) delta.Add(fact, 1, through);
        await SummaryStore.ExecAsync(conn, "DELETE FROM procedures.stat_dossier_facts WHERE dossier_id = ANY($1)", ct, ids);
        await FactRows.CopyAsync(conn, "procedures.stat_dossier_facts", fresh, ct);
        await SummaryStore.ApplyAsync(conn, delta, ct);
    }

    /// <summary>
    /// The refresh state; null before the first refresh. <c>RebuildRequested</c>: a migration asked for a rebuild (migration
    /// <c>StatisticsRebuildRequest</c>), which the next refresh does, writing the state again with the request cleared.
    /// </summary>
    private static async Task<(long Watermark, DateOnly Through, bool DailyReady, bool RebuildRequested)?> ReadStateAsync(NpgsqlConnection conn,
        CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "SELECT event_watermark, snapshots_through, daily_ready, rebuild_requested FROM procedures.stat_refresh_state WHERE id = 1", conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetFieldValue<DateOnly>(1), reader.GetBoolean(2), reader.GetBoolean(3)) : null;
    }

    /// <summary>
    /// The per-day rows of every fact, once, after the migration that added them to a database whose statistics were
    /// already built: the fact rows are read through (the half-month summaries are left as they are).
    /// </summary>
    private async Task BackfillDaysAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await SummaryStore.ExecAsync(conn, "TRUNCATE procedures.stat_flows_daily, procedures.stat_open_changes, procedures.stat_delays_daily", ct);
        var days = new Contributions();
        await using (var source = await dataSource.OpenConnectionAsync(ct))
        await using (var cmd = new NpgsqlCommand($"SELECT {FactRows.Columns} FROM procedures.stat_dossier_facts", source) { CommandTimeout = 1800 })
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) days.AddDays(FactRows.Read(reader), 1);
        await SummaryStore.ApplyAsync(conn, days, ct);
        await SummaryStore.ExecAsync(conn, """
            UPDATE procedures.stat_refresh_state SET daily_ready = true WHERE id = 1;
            ANALYZE procedures.stat_flows_daily; ANALYZE procedures.stat_open_changes; ANALYZE procedures.stat_delays_daily;
            """, ct);
    }

    private static async Task<List<Guid>> ListIdsAsync(NpgsqlConnection conn, string sql, long from, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { Parameters = { new() { Value = from } } };
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var ids = new List<Guid>();
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetGuid(0));
        return ids;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
