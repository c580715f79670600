using Engine.Queries;
using Npgsql;
using Procedures.Dossiers;

namespace Worker.Sla;

/// <summary>
/// The two reads of a sweep. Both filter on exactly the predicates of partial indexes over open rows
/// (<c>ix_work_items_open_due</c> behind the engine's read model <see cref="EngineReadModel.WorkItems"/>,
/// <c>ix_dossiers_open_appointment</c>), so a sweep reads the due range of open work
/// only, however many rows are closed or due later. The thresholds already raised come along in the same row, read with one
/// probe of the alerts' primary key per item in due order (a lateral aggregate, which also drops escalated work), so a
/// page stops at its limit however many alerts the burst has written so far (an anti-join let the planner sort every
/// escalation alert for every page). While a
/// dossier waits for the citizen's supplement the office's clock is stopped: neither the waiting step nor the dossier's
/// appointment (recomputed when the complete dossier comes back) is an official's delay; the citizen's own deadline has
/// its reminders and its expiry instead (<c>RemindUnsuppliedDossiers</c>, <c>StopUnsuppliedDossiers</c>).
/// Both read one page at a time in due order, after the (due time, id) of the previous page's last row ($2, $3),
/// at most $4 rows: a burst of work falling due at once is handled in batches of bounded size and time.
/// Each page is planned for its own parameters (<c>plan_cache_mode = force_custom_plan</c> for the read's transaction):
/// the data source prepares statements run often, and after five runs PostgreSQL may keep a generic plan, which for
/// these reads joins every subject in range before it sorts and cuts the page: ten times slower per page, measured.
/// </summary>
public static class SlaCandidates
{
    /// <summary>Before any due time: where the first page starts.</summary>
    public static readonly DateTimeOffset Start = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const string WorkItemsSql = $$"""
        SELECT wi.id, coalesce(wi.title, wi.step_id), wi.business_key, wi.unit_id, wi.role, coalesce(wi.assignee, wi.claimed_by), wi.created_at, wi.due_at,
               coalesce(raised.thresholds, '{}')
        FROM {{EngineReadModel.WorkItems}} wi
        CROSS JOIN LATERAL (SELECT array_agg(a.threshold) AS thresholds FROM notifications.sla_alerts a WHERE a.subject_id = wi.id AND a.due_at = wi.due_at) raised
        WHERE wi.status = 'Open' AND wi.due_at <= $1 AND wi.due_at >= $2 AND (wi.due_at > $2 OR wi.id > $3)
          AND wi.step_id <> '{{DossierSteps.AwaitSupplement}}'
          AND NOT coalesce('escalated' = ANY(raised.thresholds), false)
        ORDER BY wi.due_at, wi.id
        LIMIT $4
        """;

    public const string DossiersSql = """
        SELECT d.id, d.code, d.processing_unit_id, coalesce(d.clock_started_at, d.received_at, d.created_at), d.appointment_at, d.apology_at IS NOT NULL,
               coalesce((SELECT array_agg(a.threshold) FROM notifications.sla_alerts a WHERE a.subject_id = d.id AND a.due_at = d.appointment_at), '{}')
        FROM procedures.dossiers d
        WHERE d.status IN ('Accepted', 'Processing', 'FinancialObligation') AND d.appointment_at < $1
          AND d.appointment_at >= $2 AND (d.appointment_at > $2 OR d.id > $3)
        ORDER BY d.appointment_at, d.id
        LIMIT $4
        """;

    /// <summary>Binds a page's parameters: the horizon, the key after which the page starts, its size.</summary>
    public static void Bind(NpgsqlCommand command, DateTimeOffset horizon, (DateTimeOffset DueAt, Guid Id) after, int limit)
    {
        command.Parameters.Add(new() { Value = horizon.ToUniversalTime() });
        command.Parameters.Add(new() { Value = after.DueAt.ToUniversalTime() });
        command.Parameters.Add(new() { Value = after.Id });
        command.Parameters.Add(new() { Value = limit });
    }

    public static Task<List<SlaSubject>> WorkItemsAsync(NpgsqlDataSource dataSource, DateTimeOffset horizon, (DateTimeOffset DueAt, Guid Id) after,
        int limit, CancellationToken ct) =>
        ReadAsync(dataSource, WorkItemsSql, horizon, after, limit, r =>
            new SlaSubject(r.GetGuid(0), SlaSubject.WorkItem, r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), null,
                r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5),
                r.GetFieldValue<DateTimeOffset>(6), r.GetFieldValue<DateTimeOffset>(7), r.GetFieldValue<string[]>(8).ToHashSet()), ct);

    public static Task<List<SlaSubject>> DossiersAsync(NpgsqlDataSource dataSource, DateTimeOffset horizon, (DateTimeOffset DueAt, Guid Id) after,
        int limit, CancellationToken ct) =>
        ReadAsync(dataSource, DossiersSql, horizon, after, limit, r =>
        {
            var code = r.IsDBNull(1) ? r.GetGuid(0).ToString() : r.GetString(1);
            return new SlaSubject(r.GetGuid(0), SlaSubject.Dossier, code, code, r.GetGuid(0), r.GetGuid(2).ToString(), null, null,
                r.GetFieldValue<DateTimeOffset>(3), r.GetFieldValue<DateTimeOffset>(4), r.GetFieldValue<string[]>(6).ToHashSet(), r.GetBoolean(5));
        }, ct);

    private static async Task<List<SlaSubject>> ReadAsync(NpgsqlDataSource dataSource, string sql, DateTimeOffset horizon, (DateTimeOffset DueAt, Guid Id) after,
        int limit, Func<NpgsqlDataReader, SlaSubject> map, CancellationToken ct)
    {
        var subjects = new List<SlaSubject>();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(conn, tx) { BatchCommands = { new("SET LOCAL plan_cache_mode = force_custom_plan") } };
        var read = new NpgsqlBatchCommand(sql);
        read.Parameters.Add(new() { Value = horizon.ToUniversalTime() });
        read.Parameters.Add(new() { Value = after.DueAt.ToUniversalTime() });
        read.Parameters.Add(new() { Value = after.Id });
        read.Parameters.Add(new() { Value = limit });
        batch.BatchCommands.Add(read);
        await using (var r = await batch.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) subjects.Add(map(r));
        await tx.CommitAsync(ct);
        return subjects;
    }
}
