using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Worker.Channels;
using Worker.Delivery;
using Worker.Notifications;
using Worker.Templates;

namespace Worker.Messaging;

/// <summary>
/// Turns a <see cref="CitizenNotice"/> into deliveries on the channels the citizen accepts (email, SMS, in-app),
/// each rendered from the latest template and recording its version. One transaction holds the processed-message
/// row (the engine's <c>processed_messages</c>), the deliveries and the in-app item, so a redelivered or
/// concurrently delivered message changes nothing.
/// </summary>
public sealed class QueueCitizenNotice(NotificationsDb db, TemplateRenderer renderer, TimeProvider clock, ILogger<QueueCitizenNotice> logger)
    : IConsumer<CitizenNotice>
{
    public const string ConsumerName = "notifications.queue-citizen-notice";

    public Task Consume(ConsumeContext<CitizenNotice> context) => HandleAsync(context.Message, context.CancellationToken);

    public async Task HandleAsync(CitizenNotice notice, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await ProcessedMessages.ClaimAsync(db, ConsumerName, notice.MessageId, clock, ct)) return;

        var prefs = notice.CitizenAccountId is { } account ? await db.CitizenPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.CitizenAccountId == account, ct) : null;
        var locale = prefs?.Locale ?? notice.Locale ?? "vi";
        var values = new Dictionary<string, string>(notice.Values, StringComparer.Ordinal) { ["DossierCode"] = notice.DossierCode };
        if (notice.CitizenName is not null) values.TryAdd("CitizenName", notice.CitizenName);

        var inbox = new List<InboxItem>();
        foreach (var (channel, address) in Addresses(notice, prefs))
        {
            var message = await renderer.RenderAsync(notice.EventName, channel, locale, values, ct);
            if (message is null)
            {
                logger.LogWarning("No {Channel} template for {Event} ({Locale}): nothing sent on that channel for dossier {Code}", channel, notice.EventName, locale, notice.DossierCode);
                continue;
            }
            var delivery = NewDeliveries.From(notice, channel, address, locale, message, clock.GetUtcNow());
            db.Deliveries.Add(delivery);
            if (channel == MessageChannel.InApp)
                inbox.Add(new InboxItem
                {
                    Id = Guid.CreateVersion7(), Recipient = address, Kind = notice.EventName, Title = message.Subject, Body = message.Body,
                    Link = notice.Values.GetValueOrDefault("TrackingLink"), DossierId = notice.DossierId, CreatedAt = delivery.CreatedAt,
                });
        }
        await db.SaveChangesAsync(ct);
        await InboxWriter.WriteAsync(db, inbox, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The channels the citizen accepts that we have an address for.</summary>
    private static IEnumerable<(MessageChannel, string)> Addresses(CitizenNotice notice, CitizenPreferences? prefs)
    {
        if (!string.IsNullOrWhiteSpace(notice.Email) && (prefs?.Email ?? true)) yield return (MessageChannel.Email, notice.Email.Trim());
        if (!string.IsNullOrWhiteSpace(notice.Phone) && (prefs?.Sms ?? true)) yield return (MessageChannel.Sms, notice.Phone.Trim());
        if (notice.CitizenAccountId is { } account && (prefs?.InApp ?? true)) yield return (MessageChannel.InApp, Recipients.Citizen(account));
    }
}

/// <summary>
/// Each notice spends most of its time waiting on the database (claim, templates, insert, commit), so more notices
/// in flight per process than the transport's default (the core count) keep the database busy rather than idle.
/// </summary>
public sealed class QueueCitizenNoticeDefinition : ConsumerDefinition<QueueCitizenNotice>
{
    public QueueCitizenNoticeDefinition()
    {
        ConcurrentMessageLimit = 16;
        Endpoint(e => e.PrefetchCount = 32);
    }
}
