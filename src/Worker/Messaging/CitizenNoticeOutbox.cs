using System.Text.Json;
using Engine.Runtime;
using Npgsql;
using NpgsqlTypes;

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
        await using var command = new NpgsqlCommand("""
            INSERT INTO engine.outbox (id, instance_id, type, payload, created_at, attempts)
            SELECT u.id, NULL, $3, u.payload, $4, 0 FROM unnest($1::uuid[], $2::jsonb[]) WITH ORDINALITY AS u(id, payload, ord) ORDER BY u.ord
            """, conn, tx);
        command.Parameters.Add(new() { Value = notices.Select(n => n.MessageId).ToArray() });
        command.Parameters.Add(new() { Value = notices.Select(n => JsonSerializer.Serialize(n, JsonDefaults.Options)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = CitizenNotice.OutboxType });
        command.Parameters.Add(new() { Value = now });
        await command.ExecuteNonQueryAsync(ct);
    }

    public static OutboxMessage AsOutboxMessage(CitizenNotice notice) => OutboxMessage.From(notice, CitizenNotice.OutboxType) with { Id = notice.MessageId };
}
