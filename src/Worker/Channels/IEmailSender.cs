namespace Worker.Channels;

/// <summary>
/// An email to one person, plain text. <paramref name="DeliveryId"/>, when given, becomes its Message-ID: a copy sent again
/// after a crash between the server's acceptance and our record of it carries the same id, so mail systems can drop it.
/// </summary>
public sealed record EmailMessage(string To, string? ToName, string Subject, string Body, Guid? DeliveryId = null);

/// <summary>Sends one email and returns the provider's answer (e.g. the SMTP server's reply); throws when it was not accepted.</summary>
public interface IEmailSender
{
    Task<string> SendAsync(EmailMessage message, CancellationToken ct);
}
