namespace Worker.Notifications;

/// <summary>An in-app notification was written; whichever process holds the person's browser connection pushes it.</summary>
public sealed record NotificationCreated(
    Guid NotificationId, string Recipient, string Kind, string Title, string Body, string? Link, Guid? DossierId, DateTimeOffset CreatedAt)
{
    public const string OutboxType = "notifications.notification-created";

    public static NotificationCreated From(InboxItem item) =>
        new(item.Id, item.Recipient, item.Kind, item.Title, item.Body, item.Link, item.DossierId, item.CreatedAt);
}
