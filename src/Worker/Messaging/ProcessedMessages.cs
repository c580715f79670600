using Engine.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Worker.Notifications;

namespace Worker.Messaging;

/// <summary>
/// The engine's consumer idempotency (<see cref="ConsumedMessages"/>), claimed inside the consumer's own transaction: the first
/// transaction to claim (consumer, message id) handles the message; any other finds it taken and stops.
/// </summary>
public static class ProcessedMessages
{
    /// <summary>Claims the message in the transaction <paramref name="db"/> has begun.</summary>
    public static Task<bool> ClaimAsync(NotificationsDb db, string consumer, Guid messageId, TimeProvider clock, CancellationToken ct) =>
        ConsumedMessages.ClaimAsync((NpgsqlTransaction)(db.Database.CurrentTransaction
                ?? throw new InvalidOperationException("A message is claimed inside the consumer's transaction.")).GetDbTransaction(),
            consumer, messageId, clock.GetUtcNow(), ct);
}
