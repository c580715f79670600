using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Npgsql;
using Procedures.Common;

namespace Procedures.Signatures;

/// <summary>
/// The PKCS#12 file of each official (for tests and small offices without a remote signing service), kept encrypted
/// with AES-GCM under <see cref="SignatureSettings.KeyEncryptionKey"/>; an administrator uploads it.
/// </summary>
public sealed class StoredCertificates(NpgsqlDataSource db, SignatureSettings settings, TrustStore trust, TimeProvider clock) : IDocumentSigner
{
    public async Task<DomainResult<string>> UploadAsync(string userName, byte[] pkcs12, string? password, string actor, CancellationToken ct)
    {
        if (Key() is not { } key)
            return DomainError.Conflict("signing-key-not-configured", "Chưa cấu hình khóa bảo vệ chứng thư số (Signatures:KeyEncryptionKey).",
                "No key protects stored certificates (Signatures:KeyEncryptionKey).");
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12(pkcs12, password, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException)
        {
            return DomainError.Invalid("file", "bad-pkcs12", "Tệp PKCS#12 không đọc được hoặc sai mật khẩu.", "The PKCS#12 file cannot be read or the password is wrong.");
        }
        using (certificate)
        {
            if (certificate.GetRSAPrivateKey() is null)
                return DomainError.Invalid("file", "no-private-key", "Tệp không chứa khóa bí mật RSA.", "The file holds no RSA private key.");
            if (trust.Check(certificate, [], clock.GetUtcNow()) is { } problem) return problem;
            var plain = certificate.Export(X509ContentType.Pkcs12);
            await using var command = db.CreateCommand("""
                INSERT INTO procedures.signing_certificates (user_name, protected_pkcs12, subject, thumbprint, not_after, uploaded_by, uploaded_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT (user_name) DO UPDATE SET protected_pkcs12 = $2, subject = $3, thumbprint = $4, not_after = $5, uploaded_by = $6, uploaded_at = $7
                """);
            foreach (var value in new object[] { userName, Protect(key, plain), certificate.Subject, certificate.Thumbprint,
                         new DateTimeOffset(certificate.NotAfter.ToUniversalTime()), actor, clock.GetUtcNow() })
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            await command.ExecuteNonQueryAsync(ct);
            return certificate.Thumbprint;
        }
    }

    public async Task<DomainResult<SigningKey>> KeyForAsync(string userName, CancellationToken ct)
    {
        await using var command = db.CreateCommand("SELECT protected_pkcs12 FROM procedures.signing_certificates WHERE user_name = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = userName });
        if (await command.ExecuteScalarAsync(ct) is not byte[] stored || Key() is not { } key) return SigningProblems.NoCertificate(userName);
        var certificate = X509CertificateLoader.LoadPkcs12(Unprotect(key, stored), null, X509KeyStorageFlags.EphemeralKeySet);
        return LocalKey.Of(certificate, trust.Authorities);
    }

    byte[]? Key() => string.IsNullOrWhiteSpace(settings.KeyEncryptionKey) ? null : Convert.FromBase64String(settings.KeyEncryptionKey);

    /// <summary>nonce (12) | tag (16) | ciphertext.</summary>
    static byte[] Protect(byte[] key, byte[] plain)
    {
        var output = new byte[12 + 16 + plain.Length];
        RandomNumberGenerator.Fill(output.AsSpan(0, 12));
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(output.AsSpan(0, 12), plain, output.AsSpan(28), output.AsSpan(12, 16));
        return output;
    }

    static byte[] Unprotect(byte[] key, byte[] stored)
    {
        var plain = new byte[stored.Length - 28];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(stored.AsSpan(0, 12), stored.AsSpan(28), stored.AsSpan(12, 16), plain);
        return plain;
    }
}
