using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tests.Shared;

/// <summary>
/// A throwaway certification authority for signature tests: a root, officials' certificates (valid, expired, revoked)
/// and a revocation list naming the revoked one, written to a folder the verifier is configured to read.
/// </summary>
public sealed class TestPki : IDisposable
{
    public static readonly DateTimeOffset RevokedOn = new(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);

    public TestPki(string folder)
    {
        Folder = folder;
        Directory.CreateDirectory(folder);
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=CA thử nghiệm ISO điện tử, O=ISO điện tử, C=VN", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        Authority = caRequest.CreateSelfSigned(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2040, 1, 1, 0, 0, 0, TimeSpan.Zero));

        Valid = Issue("Nguyễn Văn An", "Chủ tịch", "UBND xã Đạ Tông", 1, new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2035, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Deputy = Issue("Trần Thị Bích", "Phó Chủ tịch", "UBND xã Đạ Tông", 2, new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2035, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Expired = Issue("Lê Văn Cường", "Chủ tịch", "UBND xã Đạ Tông", 3, new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Revoked = Issue("Phạm Văn Dũng", "Chủ tịch", "UBND xã Đạ Tông", 4, new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2035, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Ecdsa = Issue("Võ Thị Hoa", "Chủ tịch", "UBND xã Đạ Tông", 6, new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2035, 1, 1, 0, 0, 0, TimeSpan.Zero),
            ellipticCurve: true);
        TimeStamping = Issue("Máy chủ dấu thời gian thử nghiệm", "TSA", "ISO điện tử", 5, new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2035, 1, 1, 0, 0, 0, TimeSpan.Zero),
            forTimeStamping: true);

        var crl = new CertificateRevocationListBuilder();
        crl.AddEntry(Revoked, RevokedOn, X509RevocationReason.KeyCompromise);
        File.WriteAllBytes(CrlFile, crl.Build(Authority, BigInteger.One, new DateTimeOffset(2039, 1, 1, 0, 0, 0, TimeSpan.Zero), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, new DateTimeOffset(2026, 1, 16, 0, 0, 0, TimeSpan.Zero)));
        File.WriteAllText(AuthorityFile, Authority.ExportCertificatePem());
    }

    public string Folder { get; }
    public X509Certificate2 Authority { get; }
    public X509Certificate2 Valid { get; }
    public X509Certificate2 Deputy { get; }
    public X509Certificate2 Expired { get; }
    public X509Certificate2 Revoked { get; }
    /// <summary>An official's certificate with an ECDSA P-256 key (issued by the RSA root, as mixed hierarchies are).</summary>
    public X509Certificate2 Ecdsa { get; }
    /// <summary>A time-stamping authority's certificate (extended key usage id-kp-timeStamping, critical, as RFC 3161 asks).</summary>
    public X509Certificate2 TimeStamping { get; }
    public string AuthorityFile => Path.Combine(Folder, "ca.pem");
    public string CrlFile => Path.Combine(Folder, "ca.crl");

    /// <summary>The certificate with its key as a PKCS#12 file (no password), as an administrator uploads it.</summary>
    public static byte[] Pkcs12(X509Certificate2 certificate) => certificate.Export(X509ContentType.Pkcs12);

    X509Certificate2 Issue(string name, string title, string unit, int serial, DateTimeOffset from, DateTimeOffset to, bool forTimeStamping = false,
        bool ellipticCurve = false)
    {
        using AsymmetricAlgorithm key = ellipticCurve ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : RSA.Create(2048);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCountryOrRegion("VN");
        subject.AddOrganizationName("UBND tỉnh Lâm Đồng");
        subject.AddOrganizationalUnitName(unit);
        subject.Add("2.5.4.12", title);
        subject.AddCommonName(name);
        var request = new CertificateRequest(subject.Build(), key is RSA rsa ? new PublicKey(rsa) : new PublicKey((ECDsa)key), HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Authority, true, false));
        if (forTimeStamping)
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.8")], critical: true));
        // Signed with the root's RSA key whatever the official's key is (Create(issuerCertificate) wants them alike).
        using var authorityKey = Authority.GetRSAPrivateKey()!;
        using var issued = request.Create(Authority.SubjectName, X509SignatureGenerator.CreateForRSA(authorityKey, RSASignaturePadding.Pkcs1), from, to,
            [0x10, (byte)serial]);
        return key is RSA rsaKey ? issued.CopyWithPrivateKey(rsaKey) : issued.CopyWithPrivateKey((ECDsa)key);
    }

    public void Dispose()
    {
        foreach (var c in new[] { Authority, Valid, Deputy, Expired, Revoked, Ecdsa, TimeStamping }) c.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
