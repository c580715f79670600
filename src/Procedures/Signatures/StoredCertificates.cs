using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Npgsql;
using Procedures.Common;

namespace Procedures.Signatures;

/// <summary>An official's stored signing certificate as the administrator sees it; the key itself never leaves the table.</summary>
public sealed record StoredCertificate(string UserName, string Subject, string? SerialNumber, string Thumbprint, DateTimeOffset? NotBefore,
    DateTimeOffset NotAfter, string UploadedBy, DateTimeOffset UploadedAt);

/// <summary>
/// The PKCS#12 file of each official (for tests and small offices without a remote signing service), kept encrypted
/// with AES-GCM under <see cref="SignatureSettings.KeyEncryptionKey"/>; an administrator uploads it.
/// </summary>
public sealed class StoredCertificates(NpgsqlDataSource db, SignatureSettings settings, TrustStore trust, TimeProvider clock,
    Organisation.OfficialDirectory officials) : IDocumentSigner
{
    /// <summary>
    /// Stores (or replaces) an official's PKCS#12 file once its certificate passes what signing will check: readable with the
    /// password, an RSA or ECDSA private key, valid today, usable for signatures, issued by a trusted authority and not revoked. Every
    /// refusal names the field <c>file</c> with a Vietnamese and an English text.
    /// </summary>
    public async Task<DomainResult<StoredCertificate>> UploadAsync(string userName, byte[] pkcs12, string? password, string actor, CancellationToken ct)
    {
        if (Key() is not { } key)
            return DomainError.Conflict("signing-key-not-configured", "Chưa cấu hình khóa bảo vệ chứng thư số (Signatures:KeyEncryptionKey).",
                "No key protects stored certificates (Signatures:KeyEncryptionKey).");
        if (await officials.FindAsync(userName, ct) is null) return DomainError.NotFound("official", "cán bộ");
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12(pkcs12, password, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException)
        {
            return DomainError.Invalid("file", "bad-pkcs12", "Tệp PKCS#12 (.p12, .pfx) không đọc được hoặc sai mật khẩu.",
                "The PKCS#12 file (.p12, .pfx) cannot be read or the password is wrong.");
        }
        using (certificate)
        {
            if (Refusal(certificate) is { } refused) return refused;
            var plain = certificate.Export(X509ContentType.Pkcs12);
            var stored = new StoredCertificate(userName, certificate.Subject, certificate.SerialNumber, certificate.Thumbprint,
                new DateTimeOffset(certificate.NotBefore.ToUniversalTime()), new DateTimeOffset(certificate.NotAfter.ToUniversalTime()), actor, clock.GetUtcNow());
            await using var command = db.CreateCommand("""
                INSERT INTO procedures.signing_certificates (user_name, protected_pkcs12, subject, thumbprint, not_after, uploaded_by, uploaded_at, serial_number, not_before)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                ON CONFLICT (user_name) DO UPDATE SET protected_pkcs12 = $2, subject = $3, thumbprint = $4, not_after = $5, uploaded_by = $6,
                    uploaded_at = $7, serial_number = $8, not_before = $9
                """);
            foreach (var value in new object[] { userName, Protect(key, plain), stored.Subject, stored.Thumbprint, stored.NotAfter, actor, stored.UploadedAt,
                         certificate.SerialNumber, stored.NotBefore.GetValueOrDefault() })
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            await command.ExecuteNonQueryAsync(ct);
            return stored;
        }
    }

    /// <summary>Why the certificate may not be stored for signing; null when it may.</summary>
    DomainError? Refusal(X509Certificate2 certificate)
    {
        using (var rsa = certificate.GetRSAPrivateKey())
        using (var ecdsa = rsa is null ? certificate.GetECDsaPrivateKey() : null)
            if (rsa is null && ecdsa is null)
                return DomainError.Invalid("file", "no-private-key", "Tệp không chứa khóa bí mật (RSA hoặc ECDSA) của chứng thư số.",
                    "The file holds no RSA or ECDSA private key.");
        if (certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault() is { } usage
            && (usage.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) == 0)
            return DomainError.Invalid("file", "certificate-key-usage",
                "Chứng thư số không được cấp cho mục đích ký số (thiếu mục đích sử dụng khóa \"Chữ ký số\" hoặc \"Chống chối bỏ\").",
                "The certificate is not issued for signing (its key usage has neither digital signature nor non-repudiation).");
        return trust.Check(certificate, [], clock.GetUtcNow()) is { } problem ? problem with { Kind = ErrorKind.Invalid, Field = "file" } : null;
    }

    /// <summary>The stored certificates, by official: what the administrator's list shows (never the file).</summary>
    public async Task<IReadOnlyList<StoredCertificate>> ListAsync(CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            SELECT user_name, subject, serial_number, thumbprint, not_before, not_after, uploaded_by, uploaded_at
            FROM procedures.signing_certificates ORDER BY user_name
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<StoredCertificate>();
        while (await reader.ReadAsync(ct))
            list.Add(new StoredCertificate(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(6),
                reader.GetFieldValue<DateTimeOffset>(7)));
        return list;
    }

    /// <summary>Removes an official's file: they can no longer sign until another is uploaded. False when there was none.</summary>
    public async Task<bool> RemoveAsync(string userName, CancellationToken ct)
    {
        await using var command = db.CreateCommand("DELETE FROM procedures.signing_certificates WHERE user_name = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = userName });
        return await command.ExecuteNonQueryAsync(ct) > 0;
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
