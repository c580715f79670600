using Microsoft.AspNetCore.SignalR;

namespace Worker.Notifications;

/// <summary>Pushes a notification to the browsers of its recipient, if any are connected to this process.</summary>
public interface INotificationPusher
{
    Task PushAsync(NotificationCreated notification, CancellationToken ct);
}

/// <summary>Through the SignalR hub of this process, and to the server-rendered pages of this process (<see cref="LiveNotifications"/>).</summary>
public sealed class HubNotificationPusher(IHubContext<NotificationsHub> hub, LiveNotifications live) : INotificationPusher
{
    public async Task PushAsync(NotificationCreated notification, CancellationToken ct)
    {
        await hub.Clients.Group(notification.Recipient).SendAsync(NotificationsHub.ClientMethod, notification, ct);
        await live.PublishAsync(notification);
    }
}
