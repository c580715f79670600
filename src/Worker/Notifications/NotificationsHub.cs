using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;

namespace Worker.Notifications;

/// <summary>
/// The web UI's live channel for notifications (mapped by the API at <see cref="Path"/>). Each connection joins the
/// group of its user's recipient name, so a push reaches every tab and device of that person.
/// </summary>
public sealed class NotificationsHub : Hub
{
    public const string Path = "/hubs/notifications";
    /// <summary>The client method a push calls, with a <see cref="NotificationCreated"/>.</summary>
    public const string ClientMethod = "notification";

    public override async Task OnConnectedAsync()
    {
        if (RecipientOf(Context.User) is { } recipient) await Groups.AddToGroupAsync(Context.ConnectionId, recipient);
        await base.OnConnectedAsync();
    }

    /// <summary>Officials are known by their user name; a citizen's sign-in carries <c>citizen:&lt;account id&gt;</c> as its name.</summary>
    public static string? RecipientOf(ClaimsPrincipal? user) => user?.Identity?.Name is { Length: > 0 } name ? name : null;
}
