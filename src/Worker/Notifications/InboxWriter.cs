using Engine.Outbox;
using Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Worker.Notifications;

/// <summary>
/// Writes in-app notifications and, in the same transaction, one <see cref="NotificationCreated"/> outbox row each:
/// the engine's dispatcher publishes them after commit, so a push never announces a notification that was rolled back
/// and none is lost when the process stops. A writer of many notifications at once (the SLA sweep) asks for one
/// <see cref="NotificationsCreated"/> per recipient instead: one outbox row for a person's page of alerts.
/// </summary>
public static class InboxWriter
{
    public static Task WriteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<InboxItem> items, CancellationToken ct) =>
        WriteAsync(conn, tx, items, onePushPerRecipient: false, ct);

    public static async Task WriteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<InboxItem> items, bool onePushPerRecipient, CancellationToken ct)
    {
        if (items.Count == 0) return;
        await using var batch = new NpgsqlBatch(conn, tx);
        batch.BatchCommands.Add(Command("""
            INSERT INTO notifications.inbox (id, recipient, kind, title, body, link, dossier_id, subject_id, created_at)
            SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::uuid[], $9::timestamptz[])
            """,
            items.Select(i => i.Id).ToArray(), items.Select(i => i.Recipient).ToArray(), items.Select(i => i.Kind).ToArray(),
            items.Select(i => i.Title).ToArray(), items.Select(i => i.Body).ToArray(), items.Select(i => i.Link).ToArray(),
            items.Select(i => i.DossierId).ToArray(), items.Select(i => i.SubjectId).ToArray(), items.Select(i => i.CreatedAt).ToArray()));
        var pushes = onePushPerRecipient
            ? items.GroupBy(i => i.Recipient, StringComparer.Ordinal)
                .Select(g => OutboxMessage.From(new NotificationsCreated(g.Key, g.Select(NotificationCreated.From).ToList()), NotificationsCreated.OutboxType)).ToList()
            : items.Select(i => OutboxMessage.From(NotificationCreated.From(i), NotificationCreated.OutboxType)).ToList();
        OutboxWriter.AddTo(batch, null, pushes, items.Max(i => i.CreatedAt));
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The same, inside the EF transaction a consumer already holds.</summary>
    public static Task WriteAsync(NotificationsDb db, IReadOnlyList<InboxItem> items, CancellationToken ct) =>
        WriteAsync((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction(), items, ct);

    private static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var v in values) command.Parameters.Add(v as NpgsqlParameter ?? new NpgsqlParameter { Value = v ?? DBNull.Value });
        return command;
    }
}
