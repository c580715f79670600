namespace Procedures.Signatures;

/// <summary>Configuration section <c>Signatures</c>.</summary>
public sealed class SignatureSettings
{
    public const string Section = "Signatures";

    /// <summary>Whether the signing step signs the result: a signer is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(KeyEncryptionKey) || !string.IsNullOrWhiteSpace(Remote.BaseUrl);

    public static SignatureSettings From(Microsoft.Extensions.Configuration.IConfiguration? config)
    {
        var section = config?.GetSection(Section);
        if (section is null) return new SignatureSettings();
        var timeout = section["Remote:Timeout"];
        return new SignatureSettings
        {
            TrustedCertificateFiles = [.. section.GetSection(nameof(TrustedCertificateFiles)).GetChildren().Select(c => c.Value).OfType<string>()],
            CrlFiles = [.. section.GetSection(nameof(CrlFiles)).GetChildren().Select(c => c.Value).OfType<string>()],
            KeyEncryptionKey = section[nameof(KeyEncryptionKey)],
            Remote = new RemoteSignerSettings
            {
                BaseUrl = section["Remote:BaseUrl"],
                Timeout = string.IsNullOrWhiteSpace(timeout) ? TimeSpan.FromSeconds(30) : TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture),
            },
        };
    }

    /// <summary>Root (and intermediate) certificates, PEM or DER files, of the authorities whose certificates are trusted.</summary>
    public List<string> TrustedCertificateFiles { get; set; } = [];
    /// <summary>Revocation lists (DER or PEM) the verifier reads; refreshed by whoever drops them in place.</summary>
    public List<string> CrlFiles { get; set; } = [];
    /// <summary>Key of the PKCS#12 files kept per official: 32 bytes, base64. Without it no file can be uploaded.</summary>
    public string? KeyEncryptionKey { get; set; }
    /// <summary>Remote signing service; when its base URL is set it signs instead of stored PKCS#12 files.</summary>
    public RemoteSignerSettings Remote { get; set; } = new();
}

public sealed class RemoteSignerSettings
{
    public string? BaseUrl { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
