using Microsoft.EntityFrameworkCore;

namespace Worker.Notifications;

public sealed record InboxItemView(Guid Id, string Kind, string Title, string Body, string? Link, Guid? DossierId, DateTimeOffset CreatedAt, bool IsRead);

public sealed record InboxPage(int Unread, IReadOnlyList<InboxItemView> Items);

/// <summary>A person's notifications: the unread count for the badge, and the newest first for the list.</summary>
public sealed class InboxQueries(NotificationsDb db)
{
    public Task<int> UnreadCountAsync(string recipient, CancellationToken ct = default) =>
        db.Inbox.CountAsync(i => i.Recipient == recipient && i.ReadAt == null, ct);

    public async Task<InboxPage> ListAsync(string recipient, bool unreadOnly = false, int skip = 0, int take = 20, CancellationToken ct = default)
    {
        var items = await db.Inbox.AsNoTracking()
            .Where(i => i.Recipient == recipient && (!unreadOnly || i.ReadAt == null))
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 100))
            .Select(i => new InboxItemView(i.Id, i.Kind, i.Title, i.Body, i.Link, i.DossierId, i.CreatedAt, i.ReadAt != null))
            .ToListAsync(ct);
        return new InboxPage(await UnreadCountAsync(recipient, ct), items);
    }
}
