using Microsoft.EntityFrameworkCore;

namespace Worker.Notifications;

/// <summary>Marks some (or, with no ids, all) of a person's notifications read. Someone else's ids are ignored, not an error.</summary>
public sealed record MarkRead(IReadOnlyList<Guid>? Ids = null);

public sealed class MarkReadHandler(NotificationsDb db, TimeProvider clock)
{
    /// <summary>Returns the unread count after the change.</summary>
    public async Task<int> HandleAsync(string recipient, MarkRead request, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var ids = request.Ids?.ToArray();
        await db.Inbox.Where(i => i.Recipient == recipient && i.ReadAt == null && (ids == null || ids.Contains(i.Id)))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ReadAt, now), ct);
        return await db.Inbox.CountAsync(i => i.Recipient == recipient && i.ReadAt == null, ct);
    }
}
