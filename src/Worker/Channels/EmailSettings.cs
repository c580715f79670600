using Microsoft.Extensions.Configuration;

namespace Worker.Channels;

/// <summary>
/// The <c>Email</c> section. Without <c>Email:Smtp:Host</c> messages are only written to the log (development).
/// </summary>
public sealed record EmailSettings
{
    public const string Section = "Email";

    public SmtpSettings Smtp { get; init; } = new();
    public string FromAddress { get; init; } = "no-reply@iso-dien-tu.local";
    public string FromName { get; init; } = "ISO điện tử";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Smtp.Host);

    public static EmailSettings From(IConfiguration config) => config.GetSection(Section).Get<EmailSettings>() ?? new EmailSettings();
}

public sealed record SmtpSettings
{
    public string? Host { get; init; }
    public int Port { get; init; } = 25;
    /// <summary><c>None</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c> (default) or <c>SslOnConnect</c>.</summary>
    public string Security { get; init; } = "StartTlsWhenAvailable";
    public string? UserName { get; init; }
    public string? Password { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
