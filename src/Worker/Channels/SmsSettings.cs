using Microsoft.Extensions.Configuration;

namespace Worker.Channels;

/// <summary>
/// The <c>Sms</c> section: the HTTP gateway's address and key. Without <c>Sms:GatewayUrl</c> SMS go to the log.
/// </summary>
public sealed record SmsSettings
{
    public const string Section = "Sms";

    public string? GatewayUrl { get; init; }
    public string? ApiKey { get; init; }
    public string? Sender { get; init; } = "ISO";
    /// <summary>Tries of one send inside the gateway call (network blips); the delivery log retries later beyond that.</summary>
    public int Retries { get; init; } = 3;
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(GatewayUrl);

    public static SmsSettings From(IConfiguration config) => config.GetSection(Section).Get<SmsSettings>() ?? new SmsSettings();
}
