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
        var stampTimeout = section["Timestamp:Timeout"];
        var subFilter = section[nameof(SubFilter)];
        var longTerm = section[nameof(LongTermValidation)];
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
            Timestamp = new TimestampSettings
            {
                Url = section["Timestamp:Url"],
                Timeout = string.IsNullOrWhiteSpace(stampTimeout) ? TimeSpan.FromSeconds(10) : TimeSpan.Parse(stampTimeout, System.Globalization.CultureInfo.InvariantCulture),
            },
            LongTermValidation = string.IsNullOrWhiteSpace(longTerm) || bool.Parse(longTerm),
            SubFilter = subFilter?.Trim().ToUpperInvariant() switch
            {
                null or "" or "ETSI.CADES.DETACHED" => PdfSubFilter.CadesDetached,
                "ADBE.PKCS7.DETACHED" => PdfSubFilter.AdbePkcs7Detached,
                _ => throw new InvalidOperationException($"Signatures:SubFilter '{subFilter}' is neither ETSI.CAdES.detached nor adbe.pkcs7.detached."),
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
    /// <summary>RFC 3161 time-stamping authority; without a URL the signing time is the server clock's only.</summary>
    public TimestampSettings Timestamp { get; set; } = new();
    /// <summary>The signature's /SubFilter: PAdES baseline (<c>ETSI.CAdES.detached</c>, the default) or the older <c>adbe.pkcs7.detached</c>.</summary>
    public PdfSubFilter SubFilter { get; set; } = PdfSubFilter.CadesDetached;
    /// <summary>
    /// Whether a signed document gets long-term validation data (PAdES B-LT): its chains and revocation lists in a /DSS added by
    /// an incremental update. False leaves B-B (or B-T with a time-stamp).
    /// </summary>
    public bool LongTermValidation { get; set; } = true;
}

public sealed class TimestampSettings
{
    public string? Url { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>How a PDF signature's CMS is declared; both are read by the verifier whatever the setting.</summary>
public enum PdfSubFilter
{
    /// <summary><c>/ETSI.CAdES.detached</c> (PAdES baseline B-B): no CMS signing-time attribute, the claimed time is the dictionary's /M.</summary>
    CadesDetached,
    /// <summary><c>/adbe.pkcs7.detached</c>: the CMS carries the signing-time attribute.</summary>
    AdbePkcs7Detached,
}

public sealed class RemoteSignerSettings
{
    public string? BaseUrl { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
