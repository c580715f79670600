using Microsoft.EntityFrameworkCore;
using Worker.Delivery;
using Worker.Notifications;

namespace Worker.Tests.Notifications;

/// <summary>Reads the notifications tables as the tests check them.</summary>
public sealed class NotificationsDbAccess(NotificationsDb db)
{
    public Task<List<DeliveryRecord>> DeliveriesAsync() => db.Deliveries.AsNoTracking().OrderBy(d => d.CreatedAt).ThenBy(d => d.Channel).ToListAsync();

    public Task<List<InboxItem>> InboxAsync() => db.Inbox.AsNoTracking().OrderBy(i => i.CreatedAt).ToListAsync();
}
