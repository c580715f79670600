using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.X509;
using Procedures.Common;

namespace Procedures.Signatures;

/// <summary>
/// What a certificate is checked against, at signing and at verification: the trusted authorities, their revocation
/// lists (each list's own signature checked) and the certificate's validity at the signing time. When no configured list
/// covers the issuer with a current list, the lists a document embeds (its /DSS) are read instead, checked the same way.
/// </summary>
public sealed class TrustStore(IReadOnlyList<X509Certificate2> authorities, IReadOnlyList<byte[]> crls, TimeProvider? clock = null)
{
    public IReadOnlyList<X509Certificate2> Authorities { get; } = authorities;

    public static TrustStore Load(SignatureSettings settings) => new(
        [.. settings.TrustedCertificateFiles.Select(f => X509CertificateLoader.LoadCertificateFromFile(f))],
        [.. settings.CrlFiles.Select(File.ReadAllBytes)]);

    /// <summary>Null when <paramref name="certificate"/> may sign at <paramref name="at"/>; else the problem.</summary>
    public DomainError? Check(X509Certificate2 certificate, IEnumerable<X509Certificate2> extra, DateTimeOffset at) =>
        Check(certificate, extra, at, [], out _);

    /// <summary>
    /// As <see cref="Check(X509Certificate2, IEnumerable{X509Certificate2}, DateTimeOffset)"/>, also reading
    /// <paramref name="embedded"/> (a document's lists) when the configured ones do not cover the issuer with a current list;
    /// <paramref name="usedEmbedded"/> says whether they were.
    /// </summary>
    public DomainError? Check(X509Certificate2 certificate, IEnumerable<X509Certificate2> extra, DateTimeOffset at, IReadOnlyList<byte[]> embedded,
        out bool usedEmbedded)
    {
        usedEmbedded = false;
        if (at.UtcDateTime > certificate.NotAfter.ToUniversalTime()) return SigningProblems.Expired(certificate.NotAfter);
        if (at.UtcDateTime < certificate.NotBefore.ToUniversalTime()) return SigningProblems.NotYetValid(certificate.NotBefore);
        var path = Chain(certificate, extra, at);
        if (path.Count == 0) return SigningProblems.Untrusted();
        var issuer = path.Count > 1 ? path[1] : certificate;
        var configured = Covering(crls, issuer).ToList();
        var current = configured.Any(l => l.NextUpdate is not { } next || next >= (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);
        var fromDocument = current ? [] : Covering(embedded, issuer).ToList();
        usedEmbedded = fromDocument.Count > 0;
        var revoked = configured.Concat(fromDocument).Select(l => l.GetRevokedCertificate(Serial(certificate))).OfType<X509CrlEntry>()
            .Select(e => (DateTimeOffset?)new DateTimeOffset(DateTime.SpecifyKind(e.RevocationDate, DateTimeKind.Utc))).Min();
        return revoked is { } on && on <= at ? SigningProblems.Revoked(on) : null;
    }

    /// <summary>The path from <paramref name="certificate"/> to a trusted root valid at <paramref name="at"/>; empty when there is none.</summary>
    public IReadOnlyList<X509Certificate2> Chain(X509Certificate2 certificate, IEnumerable<X509Certificate2> extra, DateTimeOffset at)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(Authorities.Where(IsSelfSigned).ToArray());
        chain.ChainPolicy.ExtraStore.AddRange(Authorities.Where(a => !IsSelfSigned(a)).Concat(extra).ToArray());
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck; // the configured lists below, not the network
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        return chain.Build(certificate) ? [.. chain.ChainElements.Select(e => e.Certificate)] : [];
    }

    /// <summary>The configured lists <paramref name="issuer"/> signed, DER-encoded: what a document's /DSS carries for it.</summary>
    public IEnumerable<byte[]> ListsFor(X509Certificate2 issuer) => Covering(crls, issuer).Select(l => l.GetEncoded());

    /// <summary>The lists among <paramref name="lists"/> that <paramref name="issuer"/> signed; a list not signed by it says nothing.</summary>
    static IEnumerable<X509Crl> Covering(IEnumerable<byte[]> lists, X509Certificate2 issuer)
    {
        var key = new X509CertificateParser().ReadCertificate(issuer.RawData).GetPublicKey();
        var name = Org.BouncyCastle.Asn1.X509.X509Name.GetInstance(issuer.SubjectName.RawData);
        foreach (var bytes in lists)
        {
            X509Crl? crl;
            try { crl = new X509CrlParser().ReadCrl(bytes); }
            catch (Exception e) when (e is Org.BouncyCastle.Security.GeneralSecurityException or IOException or ArgumentException) { continue; }
            if (Signed(crl, name, key)) yield return crl!;
        }
    }

    static bool Signed(X509Crl? crl, Org.BouncyCastle.Asn1.X509.X509Name issuer, Org.BouncyCastle.Crypto.AsymmetricKeyParameter key)
    {
        if (crl is null || !crl.IssuerDN.Equivalent(issuer)) return false;
        try { crl.Verify(key); return true; }
        catch (Org.BouncyCastle.Security.GeneralSecurityException) { return false; }
    }

    static Org.BouncyCastle.Math.BigInteger Serial(X509Certificate2 certificate) => new(certificate.SerialNumber, 16);

    static bool IsSelfSigned(X509Certificate2 c) => c.SubjectName.RawData.AsSpan().SequenceEqual(c.IssuerName.RawData);
}
