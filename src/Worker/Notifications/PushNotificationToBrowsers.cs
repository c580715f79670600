using MassTransit;

namespace Worker.Notifications;

/// <summary>
/// Pushes each <see cref="NotificationCreated"/> to the browsers connected to this process. Every process must see
/// every notification (a person's browser may be connected to any API instance), so its queue is temporary and
/// per instance rather than shared: see <see cref="PushNotificationToBrowsersDefinition"/>. A push is best effort;
/// the inbox row is the record, and the page reads it on load. A <see cref="NotificationsCreated"/> (one person's page of
/// SLA alerts) is pushed as its notifications, one after the other.
/// </summary>
public sealed class PushNotificationToBrowsers(INotificationPusher pusher) : IConsumer<NotificationCreated>, IConsumer<NotificationsCreated>
{
    public Task Consume(ConsumeContext<NotificationCreated> context) => pusher.PushAsync(context.Message, context.CancellationToken);

    public async Task Consume(ConsumeContext<NotificationsCreated> context)
    {
        foreach (var notification in context.Message.Notifications) await pusher.PushAsync(notification, context.CancellationToken);
    }
}

public sealed class PushNotificationToBrowsersDefinition : ConsumerDefinition<PushNotificationToBrowsers>
{
    public PushNotificationToBrowsersDefinition() =>
        Endpoint(e =>
        {
            e.Temporary = true;
            e.InstanceId = Guid.NewGuid().ToString("N")[..8];
        });
}
