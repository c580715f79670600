using Microsoft.EntityFrameworkCore;
using Worker.Notifications;

namespace Worker.Messaging;

/// <summary>
/// The engine's idempotency table (<c>engine.processed_messages</c>), written inside the consumer's own transaction:
/// the first transaction to insert (consumer, message id) handles the message; any other finds it taken and stops.
/// </summary>
public static class ProcessedMessages
{
    public static async Task<bool> ClaimAsync(NotificationsDb db, string consumer, Guid messageId, TimeProvider clock, CancellationToken ct) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO engine.processed_messages (consumer, message_id, processed_at) VALUES ({consumer}, {messageId}, {clock.GetUtcNow()})
            ON CONFLICT DO NOTHING
            """, ct) == 1;
}
