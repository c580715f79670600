using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Worker.Notifications;

/// <summary>
/// What the API maps for the signed-in person's notifications: <c>GET /api/v1/notifications</c>,
/// <c>GET /api/v1/notifications/unread-count</c>, <c>POST /api/v1/notifications/read</c> and the SignalR hub at
/// <see cref="NotificationsHub.Path"/>. The person is the request's user name (see <see cref="NotificationsHub.RecipientOf"/>).
/// </summary>
public static class NotificationsEndpoints
{
    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/notifications").WithTags("Notifications");
        group.MapGet("/", List);
        group.MapGet("/unread-count", Count);
        group.MapPost("/read", Read);
        endpoints.MapHub<NotificationsHub>(NotificationsHub.Path);
        return endpoints;
    }

    private static async Task<Results<Ok<InboxPage>, UnauthorizedHttpResult>> List(ClaimsPrincipal user, InboxQueries inbox,
        bool? unreadOnly, int? skip, int? take, CancellationToken ct) =>
        NotificationsHub.RecipientOf(user) is { } me
            ? TypedResults.Ok(await inbox.ListAsync(me, unreadOnly ?? false, skip ?? 0, take ?? 20, ct))
            : TypedResults.Unauthorized();

    private static async Task<Results<Ok<int>, UnauthorizedHttpResult>> Count(ClaimsPrincipal user, InboxQueries inbox, CancellationToken ct) =>
        NotificationsHub.RecipientOf(user) is { } me ? TypedResults.Ok(await inbox.UnreadCountAsync(me, ct)) : TypedResults.Unauthorized();

    private static async Task<Results<Ok<int>, UnauthorizedHttpResult>> Read(ClaimsPrincipal user, MarkRead request, MarkReadHandler handler, CancellationToken ct) =>
        NotificationsHub.RecipientOf(user) is { } me ? TypedResults.Ok(await handler.HandleAsync(me, request, ct)) : TypedResults.Unauthorized();
}
