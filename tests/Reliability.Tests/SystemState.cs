using Npgsql;

namespace Reliability.Tests;

/// <summary>The checks after the run, straight on the database: the run's dossiers are those with an applicant e-mail at <see cref="MainPath.EmailDomain"/>.</summary>
public sealed class SystemState(string connectionString)
{
    private const string RunDossiers = $"SELECT * FROM procedures.dossiers WHERE applicant_email LIKE '%@{MainPath.EmailDomain}'";

    public Task<long> ReceivedAsync() => CountAsync($"SELECT count(DISTINCT applicant_phone) FROM ({RunDossiers}) d");
    public Task<long> DuplicatesAsync() => CountAsync($"SELECT count(*) - count(DISTINCT applicant_phone) FROM ({RunDossiers}) d");
    public Task<long> ReturnedAsync() => CountAsync($"SELECT count(DISTINCT applicant_phone) FROM ({RunDossiers}) d WHERE status = 'Returned'");

    /// <summary>
    /// Dossier status, workflow instance and open work disagree: a returned dossier's instance is completed with nothing open;
    /// a dossier still at the counter's hand-over (a duplicate nobody drove further) has a running instance with one open item.
    /// </summary>
    public Task<List<string>> InconsistentDossiersAsync() => RowsAsync($"""
        SELECT d.code || ': dossier ' || d.status || ', instance ' || coalesce(i.status, 'none') || ', open items ' || o.open
        FROM ({RunDossiers}) d
        LEFT JOIN engine.instances i ON i.id = d.workflow_instance_id
        CROSS JOIN LATERAL (SELECT count(*) AS open FROM engine.work_items w WHERE w.instance_id = i.id AND w.status = 'Open') o
        WHERE NOT ((d.status = 'Returned' AND i.status = 'Completed' AND o.open = 0)
                OR (d.status = 'Accepted' AND i.status = 'Running' AND o.open = 1))
        """);

    /// <summary>A returned dossier's history holds each step of the main path exactly once.</summary>
    public Task<List<string>> HistoryGapsAsync() => RowsAsync($"""
        SELECT d.code || ': ' || coalesce(string_agg(e.kind || ' x' || e.n, ', '), 'no events')
        FROM ({RunDossiers}) d
        LEFT JOIN (SELECT dossier_id, kind, count(*) AS n FROM procedures.dossier_events GROUP BY dossier_id, kind) e ON e.dossier_id = d.id
        WHERE d.status = 'Returned'
        GROUP BY d.code
        HAVING count(*) FILTER (WHERE e.kind IN ('Received', 'Assigned', 'Appraised', 'Approved', 'Signed', 'Returned') AND e.n = 1) <> 6
            OR bool_or(e.n > 1)
        """);

    /// <summary>A completed work item of the run without its history row in the engine.</summary>
    public Task<long> WorkItemsWithoutHistoryAsync() => CountAsync($"""
        SELECT count(*) FROM engine.work_items w JOIN ({RunDossiers}) d ON d.workflow_instance_id = w.instance_id
        WHERE w.status = 'Completed' AND NOT EXISTS (SELECT 1 FROM engine.history h WHERE h.instance_id = w.instance_id AND h.work_item_id = w.id)
        """);

    public Task<long> OverdueTimersAsync() => CountAsync("SELECT count(*) FROM engine.timers WHERE status = 'Pending' AND next_attempt_at < now() - interval '60 seconds'");
    public Task<long> FailedTimersAsync() => CountAsync("SELECT count(*) FROM engine.timers WHERE status = 'Failed'");
    public Task<long> TimersOfFinishedInstancesAsync() => CountAsync("""
        SELECT count(*) FROM engine.timers t JOIN engine.instances i ON i.id = t.instance_id WHERE t.status = 'Pending' AND i.status IN ('Completed', 'Cancelled')
        """);
    public Task<long> OpenIncidentsAsync() => CountAsync("SELECT count(*) FROM engine.incidents WHERE status <> 'Resolved'");

    public Task<long> OutboxPendingAsync() => CountAsync("SELECT count(*) FROM engine.outbox WHERE dispatched_at IS NULL AND parked_at IS NULL AND discarded_at IS NULL");
    public Task<List<string>> ParkedAsync() => RowsAsync("""
        SELECT type || ' after ' || attempts || ' attempts: ' || coalesce(last_error, '(no reason)') FROM engine.outbox
        WHERE parked_at IS NOT NULL AND dispatched_at IS NULL AND discarded_at IS NULL
        """);
    public Task<long> OutboxTotalAsync() => CountAsync("SELECT count(*) FROM engine.outbox");

    public Task<long> DeliveriesPendingAsync() => CountAsync("SELECT count(*) FROM notifications.deliveries WHERE status IN ('Queued', 'Retrying')");
    public Task<List<string>> DeliveriesByStatusAsync() => RowsAsync($"""
        SELECT l.channel || ' ' || l.status || ': ' || count(*) FROM notifications.deliveries l JOIN ({RunDossiers}) d ON d.id = l.dossier_id
        GROUP BY l.channel, l.status ORDER BY 1
        """);
    public Task<long> DeliveriesNotSentAsync() => CountAsync($"SELECT count(*) FROM notifications.deliveries l JOIN ({RunDossiers}) d ON d.id = l.dossier_id WHERE l.status <> 'Sent'");
    public Task<long> EmailsSentAsync() => CountAsync($"SELECT count(*) FROM notifications.deliveries l JOIN ({RunDossiers}) d ON d.id = l.dossier_id WHERE l.channel = 'Email' AND l.status = 'Sent'");
    public Task<long> NoticesQueuedTwiceAsync() => CountAsync($"""
        SELECT count(*) FROM (SELECT 1 FROM notifications.deliveries l JOIN ({RunDossiers}) d ON d.id = l.dossier_id
                              GROUP BY l.dossier_id, l.event, l.channel HAVING count(*) > 1) x
        """);

    /// <summary>Returned dossiers without the three e-mails the citizen is owed on this path: received, result ready, rating requested.</summary>
    public Task<long> ReturnedWithoutNoticesAsync() => CountAsync($"""
        SELECT count(*) FROM ({RunDossiers}) d WHERE d.status = 'Returned' AND
            (SELECT count(DISTINCT l.event) FROM notifications.deliveries l WHERE l.dossier_id = d.id AND l.channel = 'Email'
             AND l.event IN ('dossier-received', 'result-ready', 'rating-requested')) <> 3
        """);

    /// <summary>
    /// Where each missing e-mail of <see cref="ReturnedWithoutNoticesAsync"/> stopped, one line per dossier and event: the
    /// dossier record in the outbox (published, parked or waiting, attempts, last error), whether the notice consumer
    /// claimed it (<c>processed_messages</c>: claimed without a delivery is a loss in the consumer, published and never
    /// claimed is a message still in, or lost by, the broker), and the dossier's deliveries. The first column is the
    /// applicant's address, for the SMTP sink.
    /// </summary>
    public Task<List<(string Email, string Trail)>> MissingNoticesAsync() => PairsAsync($"""
        WITH expected(event, type) AS (VALUES ('dossier-received', 'Procedures.Dossiers.DossierReceived'),
                ('result-ready', 'Procedures.Dossiers.ResultReady'), ('rating-requested', 'Procedures.Dossiers.DossierReturned')),
        missing AS (
            SELECT d.id, d.code, d.applicant_email, x.event, x.type FROM ({RunDossiers}) d CROSS JOIN expected x
            WHERE d.status = 'Returned' AND NOT EXISTS (SELECT 1 FROM notifications.deliveries l
                WHERE l.dossier_id = d.id AND l.channel = 'Email' AND l.event = x.event))
        SELECT m.applicant_email, m.code || ': no ' || m.event || ' e-mail; ' || coalesce((
            SELECT string_agg('record ' || o.id || ' ' || CASE
                    WHEN o.dispatched_at IS NOT NULL THEN 'published ' || to_char(o.dispatched_at, 'HH24:MI:SS.MS')
                    WHEN o.parked_at IS NOT NULL THEN 'parked' WHEN o.discarded_at IS NOT NULL THEN 'discarded'
                    ELSE 'not published, next attempt ' || coalesce(to_char(o.next_attempt_at, 'HH24:MI:SS'), 'now')
                        || coalesce(', leased until ' || to_char(o.leased_until, 'HH24:MI:SS'), '') END
                || ', attempts ' || o.attempts || coalesce(' (last error: ' || o.last_error || ')', '')
                || coalesce(', claimed by the notice consumer ' || to_char(p.processed_at, 'HH24:MI:SS.MS'), ', never claimed by the notice consumer'), '; ')
            FROM engine.outbox o LEFT JOIN engine.processed_messages p ON p.message_id = o.id AND p.consumer = 'notifications.queue-citizen-notice'
            WHERE o.type = m.type AND o.payload->>'dossierId' = m.id::text), 'no record in the outbox')
            || '; deliveries: ' || coalesce((SELECT string_agg(l.channel || ' ' || l.event || ' ' || l.status, ', ' ORDER BY l.created_at)
                                             FROM notifications.deliveries l WHERE l.dossier_id = m.id), 'none')
        FROM missing m ORDER BY 2
        """);

    /// <summary>Pending timers already due: the poller still has them to fire.</summary>
    public Task<long> DueTimersAsync() => CountAsync("SELECT count(*) FROM engine.timers WHERE status = 'Pending' AND next_attempt_at <= now()");

    public Task<List<string>> EventsAsync() => RowsAsync($"""
        SELECT l.event || ': ' || count(*) FROM notifications.deliveries l JOIN ({RunDossiers}) d ON d.id = l.dossier_id WHERE l.channel = 'Email' GROUP BY l.event ORDER BY 1
        """);

    private async Task<long> CountAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var command = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<List<string>> RowsAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var command = new NpgsqlCommand(sql, conn);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.IsDBNull(0) ? "" : reader.GetString(0));
        return rows;
    }

    private async Task<List<(string, string)>> PairsAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var command = new NpgsqlCommand(sql, conn);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1)));
        return rows;
    }
}
