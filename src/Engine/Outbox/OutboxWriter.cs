using Engine.Runtime;
using Npgsql;
using NpgsqlTypes;

namespace Engine.Outbox;

/// <summary>
/// The one way to write outbox rows besides a transition: messages a caller's transaction records with its own change
/// (a dossier's notice, an in-app notification), published after it commits. A message of an instance first takes the
/// instance's row lock, as transitions do, so its sequence follows every earlier message of that instance in commit
/// order and the dispatchers' per-instance order holds.
/// </summary>
public static class OutboxWriter
{
    /// <summary>Writes <paramref name="messages"/> in <paramref name="transaction"/>, in their order.</summary>
    public static async Task WriteAsync(NpgsqlTransaction transaction, Guid? instanceId, IReadOnlyList<OutboxMessage> messages, DateTimeOffset now,
        CancellationToken ct)
    {
        if (messages.Count == 0) return;
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
        AddTo(batch, instanceId, messages, now);
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Adds the writes to a caller's batch, after what it holds already: one round trip for both.</summary>
    public static void AddTo(NpgsqlBatch batch, Guid? instanceId, IReadOnlyList<OutboxMessage> messages, DateTimeOffset now)
    {
        if (messages.Count == 0) return;
        if (instanceId is { } id) batch.BatchCommands.Add(InstanceStore.Command("SELECT 1 FROM engine.instances WHERE id = $1 FOR UPDATE", id));
        batch.BatchCommands.Add(Insert(messages.Select(m => m.Id ?? Guid.CreateVersion7(now)).ToArray(), messages.Select(_ => instanceId).ToArray(),
            messages.Select(m => m.Type).ToArray(), messages.Select(m => m.Payload.ToJsonString()).ToArray(), now));
    }

    internal static NpgsqlBatchCommand Insert(Guid[] ids, Guid?[] instances, string[] types, string[] payloads, DateTimeOffset now) =>
        InstanceStore.Command(
            "INSERT INTO engine.outbox (id, instance_id, type, payload, created_at, attempts) " +
            "SELECT u.id, u.instance_id, u.type, u.payload, $5, 0 FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::jsonb[]) " +
            "WITH ORDINALITY AS u(id, instance_id, type, payload, ord) ORDER BY ord",
            ids, new NpgsqlParameter { Value = instances, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid }, types,
            new NpgsqlParameter { Value = payloads, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb }, now);
}
