using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Worker.Channels;
using Worker.Notifications;

namespace Worker.Delivery;

public sealed record DeliveryView(Guid Id, string Event, string Channel, string Recipient, string Subject, string Status, int Attempts,
    string? ProviderAnswer, string? LastError, int? TemplateVersion, string? DossierCode, DateTimeOffset CreatedAt, DateTimeOffset? SentAt,
    DateTimeOffset NextAttemptAt)
{
    public static DeliveryView From(DeliveryRecord d) => new(d.Id, d.Event, d.Channel.Name(), d.Recipient, d.Subject, d.Status.ToString(),
        d.Attempts, d.ProviderAnswer, d.LastError, d.TemplateVersion, d.DossierCode, d.CreatedAt, d.SentAt, d.NextAttemptAt);
}

/// <summary>The delivery log as admins read it: what failed for good or waits for a retry, and what went out for one dossier.</summary>
public sealed class DeliveryLogQuery(NotificationsDb db)
{
    /// <summary>Failed deliveries, and those waiting for another try, newest first.</summary>
    public async Task<IReadOnlyList<DeliveryView>> ProblemsAsync(int take = 100, CancellationToken ct = default) =>
        (await db.Deliveries.AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Failed || d.Status == DeliveryStatus.Retrying)
            .OrderByDescending(d => d.UpdatedAt).Take(take).ToListAsync(ct)).Select(DeliveryView.From).ToList();

    /// <summary>
    /// The newest deliveries in the given states (any when null), optionally only those whose dossier code, recipient or event
    /// contains <paramref name="text"/>.
    /// </summary>
    public async Task<IReadOnlyList<DeliveryView>> LatestAsync(IReadOnlyCollection<DeliveryStatus>? statuses, string? text, int take = 100, CancellationToken ct = default)
    {
        var query = db.Deliveries.AsNoTracking();
        if (statuses is { Count: > 0 }) query = query.Where(d => statuses.Contains(d.Status));
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(d => EF.Functions.ILike(d.DossierCode ?? "", pattern, "\\") || EF.Functions.ILike(d.Recipient, pattern, "\\") || EF.Functions.ILike(d.Event, pattern, "\\"));
        }
        return (await query.OrderByDescending(d => d.UpdatedAt).Take(take).ToListAsync(ct)).Select(DeliveryView.From).ToList();
    }

    public async Task<IReadOnlyList<DeliveryView>> ForDossierAsync(Guid dossierId, CancellationToken ct = default) =>
        (await db.Deliveries.AsNoTracking().Where(d => d.DossierId == dossierId).OrderBy(d => d.CreatedAt).ToListAsync(ct))
        .Select(DeliveryView.From).ToList();
}

/// <summary>An admin sends a failed delivery again now (after fixing an address or the SMTP settings).</summary>
public sealed class RetryDeliveryHandler(NotificationsDb db, TimeProvider clock)
{
    public async Task<DomainResult<bool>> HandleAsync(Guid deliveryId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var changed = await db.Deliveries.Where(d => d.Id == deliveryId && (d.Status == DeliveryStatus.Failed || d.Status == DeliveryStatus.Retrying))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Retrying).SetProperty(d => d.NextAttemptAt, now)
                .SetProperty(d => d.UpdatedAt, now), ct);
        if (changed == 1) return true;
        return await db.Deliveries.AnyAsync(d => d.Id == deliveryId, ct)
            ? DomainError.Conflict("not-failed", "Tin nhắn này không ở trạng thái lỗi.", "This delivery has not failed.")
            : DomainError.NotFound("delivery", "tin nhắn");
    }
}
