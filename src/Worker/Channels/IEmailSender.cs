namespace Worker.Channels;

/// <summary>An email to one person, plain text.</summary>
public sealed record EmailMessage(string To, string? ToName, string Subject, string Body);

/// <summary>Sends one email and returns the provider's answer (e.g. the SMTP server's reply); throws when it was not accepted.</summary>
public interface IEmailSender
{
    Task<string> SendAsync(EmailMessage message, CancellationToken ct);
}
