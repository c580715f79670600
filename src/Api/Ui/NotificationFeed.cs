using Worker.Notifications;

namespace Api.Ui;

/// <summary>
/// The bell's source: the in-app notifications the worker writes for a person. Read when a page opens; live push
/// belongs here once the host maps the worker's SignalR hub (<c>app.MapNotifications()</c>), which it does not do yet.
/// </summary>
public static class NotificationFeed
{
    public static async Task<int?> UnreadAsync(UiSession session)
    {
        var user = await session.PrincipalAsync();
        if (NotificationsHub.RecipientOf(user) is not { } me) return null;
        return await session.RunAsync<InboxQueries, int>(q => q.UnreadCountAsync(me));
    }
}
