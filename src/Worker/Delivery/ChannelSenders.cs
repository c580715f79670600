using Worker.Channels;

namespace Worker.Delivery;

/// <summary>Sends a claimed delivery on its channel and returns the provider's answer.</summary>
public sealed class ChannelSenders(IEmailSender email, ISmsGateway sms)
{
    public Task<string> SendAsync(ClaimedDelivery d, CancellationToken ct) => d.Channel switch
    {
        MessageChannel.Email => email.SendAsync(new EmailMessage(d.Recipient, d.RecipientName, d.Subject, d.Body, d.Id), ct),
        MessageChannel.Sms => sms.SendAsync(d.Recipient, d.Body, ct),
        // In-app messages are written to the inbox when queued; nothing should reach here.
        _ => Task.FromResult("in-app"),
    };
}

/// <summary>A delivery a dispatcher has leased, with what it needs to send it.</summary>
public sealed record ClaimedDelivery(Guid Id, MessageChannel Channel, string Recipient, string? RecipientName, string Subject, string Body, int Attempts);
