namespace Worker.Notifications;

/// <summary>
/// Several in-app notifications for one person written in one transaction (a page of SLA alerts): one outbox row and one
/// message instead of one per notification, pushed to the person's browsers one by one as <see cref="NotificationCreated"/>.
/// </summary>
public sealed record NotificationsCreated(string Recipient, IReadOnlyList<NotificationCreated> Notifications)
{
    public const string OutboxType = "notifications.notifications-created";
}
