using Npgsql;

namespace Engine.Outbox;

/// <summary>
/// The idempotency record of consumers (<c>processed_messages</c>): a consumer claims (consumer, message id) inside its own
/// transaction; the first transaction to claim handles the message, any other finds it taken and stops. Purged with the outbox.
/// </summary>
public static class ConsumedMessages
{
    /// <summary>Claims the message for <paramref name="consumer"/> in <paramref name="transaction"/>; false when it was claimed before.</summary>
    public static async Task<bool> ClaimAsync(NpgsqlTransaction transaction, string consumer, Guid messageId, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var cmd = new NpgsqlCommand(
            "INSERT INTO engine.processed_messages (consumer, message_id, processed_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            transaction.Connection, transaction)
        {
            Parameters = { new() { Value = consumer }, new() { Value = messageId }, new() { Value = at } },
        };
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }
}
