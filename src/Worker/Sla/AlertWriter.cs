using Npgsql;
using Worker.Notifications;

namespace Worker.Sla;

/// <summary>
/// Records alerts and queues their notifications in one transaction. The insert is
/// <c>ON CONFLICT DO NOTHING RETURNING</c>: only the rows this transaction really inserted are notified, so a sweep
/// that runs again, or another sweeper racing this one (it waits on the same keys, then finds them taken),
/// notifies nobody a second time. Keys are inserted in a fixed order so two sweepers cannot deadlock. Each recipient's
/// notifications of the page are pushed in one outbox message (<see cref="NotificationsCreated"/>), not one each.
/// </summary>
public sealed class AlertWriter(NpgsqlDataSource dataSource)
{
    /// <summary>Returns how many alerts were new and how many notifications were written.</summary>
    public async Task<(int Raised, int Notified)> WriteAsync(IReadOnlyList<PendingAlert> alerts, DateTimeOffset now, CancellationToken ct)
    {
        if (alerts.Count == 0) return (0, 0);
        var ordered = alerts.OrderBy(a => a.Subject.Id).ThenBy(a => a.Threshold, StringComparer.Ordinal).ToList();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var inserted = new HashSet<(Guid, string)>();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO notifications.sla_alerts (subject_id, threshold, due_at, subject_kind, raised_at, notified_to)
            SELECT u.s, u.t, u.d, u.k, $5, u.n FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $6::text[]) AS u(s, t, d, k, n)
            ON CONFLICT DO NOTHING
            RETURNING subject_id, threshold
            """, conn, tx))
        {
            insert.Parameters.Add(new() { Value = ordered.Select(a => a.Subject.Id).ToArray() });
            insert.Parameters.Add(new() { Value = ordered.Select(a => a.Threshold).ToArray() });
            insert.Parameters.Add(new() { Value = ordered.Select(a => a.Subject.DueAt).ToArray() });
            insert.Parameters.Add(new() { Value = ordered.Select(a => a.Subject.Kind).ToArray() });
            insert.Parameters.Add(new() { Value = now });
            insert.Parameters.Add(new() { Value = ordered.Select(a => string.Join(',', a.Recipients)).ToArray() });
            await using var r = await insert.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) inserted.Add((r.GetGuid(0), r.GetString(1)));
        }
        var items = ordered.Where(a => inserted.Contains((a.Subject.Id, a.Threshold)))
            .SelectMany(a => a.Recipients.Select(recipient => new InboxItem
            {
                Id = Guid.CreateVersion7(), Recipient = recipient, Kind = $"sla.{a.Threshold}", Title = a.Title, Body = a.Body, Link = a.Link,
                DossierId = a.Subject.DossierId, SubjectId = a.Subject.Id, CreatedAt = now,
            })).ToList();
        await InboxWriter.WriteAsync(conn, tx, items, onePushPerRecipient: true, ct);
        await tx.CommitAsync(ct);
        return (inserted.Count, items.Count);
    }
}
