using Microsoft.EntityFrameworkCore;
using Worker.Notifications;

namespace Worker.Messaging;

public sealed record OfficialMessageView(Guid Id, string Sender, string RecipientKind, string Recipient, string Body, DateTimeOffset SentAt);

/// <summary>The free-text messages of a dossier, oldest first, for its history.</summary>
public sealed class OfficialMessagesQuery(NotificationsDb db)
{
    public async Task<IReadOnlyList<OfficialMessageView>> ForDossierAsync(Guid dossierId, CancellationToken ct = default) =>
        await db.OfficialMessages.AsNoTracking().Where(m => m.DossierId == dossierId).OrderBy(m => m.SentAt)
            .Select(m => new OfficialMessageView(m.Id, m.Sender, m.RecipientKind, m.Recipient, m.Body, m.SentAt)).ToListAsync(ct);
}
