using Worker.Notifications;

namespace Api.Ui;

/// <summary>
/// The bell's source: the in-app notifications the worker writes for a person. The unread count is read when a page
/// opens; new ones arrive live through <see cref="LiveNotifications"/>, fed by the same push that reaches the SignalR hub
/// (in-process worker, or the push bus of an API beside separate Worker processes).
/// </summary>
public static class NotificationFeed
{
    public static async Task<(string Recipient, int Unread)?> OpenAsync(UiSession session)
    {
        var user = await session.PrincipalAsync();
        if (RecipientOf(user) is not { } me) return null;
        return (me, await session.RunAsync<InboxQueries, int>(q => q.UnreadCountAsync(me)));
    }

    /// <summary>
    /// Whom the worker addresses: an official by user name, a citizen by account (<see cref="Recipients.Citizen"/>), as
    /// the citizen's notices are written; a citizen's cookie carries the sign-in name, which notices never use.
    /// </summary>
    public static string? RecipientOf(System.Security.Claims.ClaimsPrincipal user) =>
        Api.Accounts.CurrentUser.From(user) is { IsCitizen: true, CitizenId: var citizen } && citizen != Guid.Empty
            ? Recipients.Citizen(citizen)
            : NotificationsHub.RecipientOf(user);
}
