using Engine.Outbox;
using Engine.Runtime;
using Npgsql;

namespace Worker.Messaging;

/// <summary>
/// Writes a <see cref="CitizenNotice"/> to the engine's outbox inside the caller's transaction; the outbox row id is the
/// notice's message id, so the bus message id and the consumer's dedupe key are the same. The dossier use cases can
/// also emit it as an engine <see cref="OutboxMessage"/> (<see cref="AsOutboxMessage"/>) with their transition.
/// </summary>
public static class CitizenNoticeOutbox
{
    public static async Task WriteAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, IReadOnlyList<CitizenNotice> notices, DateTimeOffset now, CancellationToken ct)
    {
        if (notices.Count == 0) return;
        await using var batch = new NpgsqlBatch(conn, tx);
        OutboxWriter.AddTo(batch, null, notices.Select(AsOutboxMessage).ToList(), now);
        await batch.ExecuteNonQueryAsync(ct);
    }

    public static OutboxMessage AsOutboxMessage(CitizenNotice notice) => OutboxMessage.From(notice, CitizenNotice.OutboxType) with { Id = notice.MessageId };
}
