using Worker.Channels;
using Worker.Messaging;
using Worker.Templates;

namespace Worker.Delivery;

/// <summary>Delivery rows as consumers create them: in-app ones are delivered by being written, the others wait for the dispatcher.</summary>
public static class NewDeliveries
{
    public static DeliveryRecord From(CitizenNotice notice, MessageChannel channel, string address, string locale, RenderedMessage message, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(),
            DedupeKey = $"{notice.MessageId}:{channel.Name()}",
            SourceMessageId = notice.MessageId,
            Event = notice.EventName,
            Channel = channel,
            Recipient = address,
            RecipientName = notice.CitizenName,
            Locale = locale,
            Subject = message.Subject,
            Body = message.Body,
            TemplateId = message.TemplateId,
            TemplateVersion = message.TemplateVersion,
            DossierId = notice.DossierId,
            DossierCode = notice.DossierCode,
            Status = channel == MessageChannel.InApp ? DeliveryStatus.Sent : DeliveryStatus.Queued,
            Attempts = channel == MessageChannel.InApp ? 1 : 0,
            SentAt = channel == MessageChannel.InApp ? now : null,
            ProviderAnswer = channel == MessageChannel.InApp ? "inbox" : null,
            NextAttemptAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        };
}
