using Microsoft.Extensions.Logging;

namespace Worker.Channels;

/// <summary>Development stand-in for an SMS provider: the text goes to the log and counts as sent.</summary>
public sealed class LogSmsGateway(ILogger<LogSmsGateway> logger) : ISmsGateway
{
    public Task<string> SendAsync(string phone, string text, CancellationToken ct)
    {
        logger.LogInformation("SMS (log only) to {Phone}: {Text}", phone, text);
        return Task.FromResult("logged");
    }
}
