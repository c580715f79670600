using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Procedures.Signatures;

/// <summary>
/// Verifies a signature's RFC 3161 time-stamp token: it must stamp the SHA-256 (or other stated hash) of this signer's
/// signature value, be signed by a certificate for time-stamping (extended key usage id-kp-timeStamping) that the trusted
/// authorities issued and that was valid at the stamped time.
/// </summary>
internal static class TimestampCheck
{
    const string TimeStampingUsage = "1.3.6.1.5.5.7.3.8";

    public static SignatureTimestamp? Of(SignerInfo signer, TrustStore trust)
    {
        var attribute = signer.UnsignedAttributes.Cast<CryptographicAttributeObject>()
            .FirstOrDefault(a => a.Oid.Value == TimestampAuthority.SignatureTimeStampTokenOid);
        if (attribute is null || attribute.Values.Count == 0) return null;
        if (!Rfc3161TimestampToken.TryDecode(attribute.Values[0].RawData, out var token, out _) || token is null)
            return new SignatureTimestamp(null, false, null);
        var at = token.TokenInfo.Timestamp;
        if (!token.VerifySignatureForSignerInfo(signer, out var authority) || authority is null)
            return new SignatureTimestamp(at, false, null);
        var name = authority.GetNameInfo(X509NameType.SimpleName, false);
        var forStamping = authority.Extensions.OfType<X509EnhancedKeyUsageExtension>()
            .Any(e => e.EnhancedKeyUsages.Cast<Oid>().Any(u => u.Value == TimeStampingUsage));
        var trusted = trust.Check(authority, token.AsSignedCms().Certificates.Cast<X509Certificate2>(), at) is null;
        return new SignatureTimestamp(at, forStamping && trusted, name);
    }
}
