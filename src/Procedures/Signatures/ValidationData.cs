using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Procedures.Signatures;

/// <summary>
/// Long-term validation data (PAdES B-LT) for a PDF just signed here: the signer's chain and, when the signature is
/// time-stamped, the authority's chain, with the revocation lists the trust store checked them against, embedded in the
/// document's /DSS so it can be checked offline after the authority's list endpoint is gone.
/// </summary>
public static class ValidationData
{
    public static byte[] Add(byte[] signedPdf, TrustStore trust, DateTimeOffset signedAt)
    {
        var signature = LastSignature.Find(signedPdf, Encoding.Latin1.GetString(signedPdf))
            ?? throw new InvalidOperationException("The PDF has no signature to add validation data for.");
        var cms = new SignedCms();
        cms.Decode(signature.Cms);
        var signer = cms.SignerInfos[0];
        var chains = new List<IReadOnlyList<X509Certificate2>>();
        if (signer.Certificate is { } certificate)
            chains.Add(trust.Chain(certificate, cms.Certificates.Cast<X509Certificate2>(), signedAt));
        if (Timestamp(signer) is { } token && token.AsSignedCms() is var stamp
            && stamp.SignerInfos[0].Certificate is { } authority)
            chains.Add(trust.Chain(authority, stamp.Certificates.Cast<X509Certificate2>(), token.TokenInfo.Timestamp));

        var certificates = chains.SelectMany(c => c).DistinctBy(c => c.Thumbprint).Select(c => c.RawData).ToList();
        var crls = chains.SelectMany(c => c.Zip(c.Skip(1), (subject, issuer) => issuer)).DistinctBy(c => c.Thumbprint)
            .SelectMany(trust.ListsFor).Distinct(ByteArrays.Instance).ToList();
        // The /VRI key is fixed by PAdES (ETSI EN 319 142-1 §5.4.2.2) as the SHA-1 of the signature, not used for security.
#pragma warning disable CA5350
        var vriKey = Convert.ToHexString(SHA1.HashData(signature.Contents));
#pragma warning restore CA5350
        return ValidationDataWriter.Append(signedPdf, certificates, crls, vriKey);
    }

    static Rfc3161TimestampToken? Timestamp(SignerInfo signer) =>
        signer.UnsignedAttributes.Cast<CryptographicAttributeObject>()
            .Where(a => a.Oid.Value == TimestampAuthority.SignatureTimeStampTokenOid).SelectMany(a => a.Values.Cast<AsnEncodedData>())
            .Select(v => Rfc3161TimestampToken.TryDecode(v.RawData, out var token, out _) ? token : null).FirstOrDefault(t => t is not null);

    sealed class ByteArrays : IEqualityComparer<byte[]>
    {
        public static readonly ByteArrays Instance = new();
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);
        public int GetHashCode(byte[] bytes) => bytes.Length == 0 ? 0 : HashCode.Combine(bytes.Length, bytes[0], bytes[^1]);
    }
}
