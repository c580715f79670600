using Microsoft.AspNetCore.SignalR;

namespace Worker.Notifications;

/// <summary>Pushes a notification to the browsers of its recipient, if any are connected to this process.</summary>
public interface INotificationPusher
{
    Task PushAsync(NotificationCreated notification, CancellationToken ct);
}

/// <summary>Through the SignalR hub of this process.</summary>
public sealed class HubNotificationPusher(IHubContext<NotificationsHub> hub) : INotificationPusher
{
    public Task PushAsync(NotificationCreated notification, CancellationToken ct) =>
        hub.Clients.Group(notification.Recipient).SendAsync(NotificationsHub.ClientMethod, notification, ct);
}
