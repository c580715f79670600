using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.X509;
using Procedures.Common;

namespace Procedures.Signatures;

/// <summary>
/// What a certificate is checked against, at signing and at verification: the trusted authorities, their revocation
/// lists (each list's own signature checked) and the certificate's validity at the signing time.
/// </summary>
public sealed class TrustStore(IReadOnlyList<X509Certificate2> authorities, IReadOnlyList<byte[]> crls)
{
    public IReadOnlyList<X509Certificate2> Authorities { get; } = authorities;

    public static TrustStore Load(SignatureSettings settings) => new(
        [.. settings.TrustedCertificateFiles.Select(f => X509CertificateLoader.LoadCertificateFromFile(f))],
        [.. settings.CrlFiles.Select(File.ReadAllBytes)]);

    /// <summary>Null when <paramref name="certificate"/> may sign at <paramref name="at"/>; else the problem.</summary>
    public DomainError? Check(X509Certificate2 certificate, IEnumerable<X509Certificate2> extra, DateTimeOffset at)
    {
        if (at.UtcDateTime > certificate.NotAfter.ToUniversalTime()) return SigningProblems.Expired(certificate.NotAfter);
        if (at.UtcDateTime < certificate.NotBefore.ToUniversalTime()) return SigningProblems.NotYetValid(certificate.NotBefore);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(Authorities.Where(IsSelfSigned).ToArray());
        chain.ChainPolicy.ExtraStore.AddRange(Authorities.Where(a => !IsSelfSigned(a)).Concat(extra).ToArray());
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck; // the configured lists below, not the network
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        if (!chain.Build(certificate)) return SigningProblems.Untrusted();
        var issuer = chain.ChainElements.Count > 1 ? chain.ChainElements[1].Certificate : certificate;
        return RevokedAt(certificate, issuer) is { } revoked && revoked <= at ? SigningProblems.Revoked(revoked) : null;
    }

    /// <summary>When a list signed by <paramref name="issuer"/> says the certificate was revoked; null if none does.</summary>
    public DateTimeOffset? RevokedAt(X509Certificate2 certificate, X509Certificate2 issuer)
    {
        var issuerKey = new X509CertificateParser().ReadCertificate(issuer.RawData).GetPublicKey();
        var issuerName = Org.BouncyCastle.Asn1.X509.X509Name.GetInstance(issuer.SubjectName.RawData);
        var serial = new Org.BouncyCastle.Math.BigInteger(certificate.SerialNumber, 16);
        foreach (var bytes in crls)
        {
            var crl = new X509CrlParser().ReadCrl(bytes);
            if (crl is null || !crl.IssuerDN.Equivalent(issuerName)) continue;
            try { crl.Verify(issuerKey); }
            catch (Org.BouncyCastle.Security.GeneralSecurityException) { continue; } // a list not signed by this issuer says nothing
            if (crl.GetRevokedCertificate(serial) is { } entry)
                return new DateTimeOffset(DateTime.SpecifyKind(entry.RevocationDate, DateTimeKind.Utc));
        }
        return null;
    }

    static bool IsSelfSigned(X509Certificate2 c) => c.SubjectName.RawData.AsSpan().SequenceEqual(c.IssuerName.RawData);
}
