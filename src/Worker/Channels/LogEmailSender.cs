using Microsoft.Extensions.Logging;

namespace Worker.Channels;

/// <summary>Development stand-in when no SMTP server is configured: the email goes to the log and counts as sent.</summary>
public sealed class LogEmailSender(ILogger<LogEmailSender> logger) : IEmailSender
{
    public Task<string> SendAsync(EmailMessage message, CancellationToken ct)
    {
        logger.LogInformation("Email (not sent, no SMTP configured) to {To}: {Subject}", message.To, message.Subject);
        return Task.FromResult("logged");
    }
}
