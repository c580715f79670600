namespace Procedures.Signatures;

/// <summary>Configuration section <c>Signatures</c>.</summary>
public sealed class SignatureSettings
{
    /// <summary>Root (and intermediate) certificates, PEM or DER files, of the authorities whose certificates are trusted.</summary>
    public List<string> TrustedCertificateFiles { get; set; } = [];
    /// <summary>Revocation lists (DER or PEM) the verifier reads; refreshed by whoever drops them in place.</summary>
    public List<string> CrlFiles { get; set; } = [];
    /// <summary>An RFC 3161 time-stamping service; when empty (the default) the signing time is the server clock's.</summary>
    public string? TsaUrl { get; set; }
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
