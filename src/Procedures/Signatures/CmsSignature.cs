using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Procedures.Common;

namespace Procedures.Signatures;

/// <summary>
/// The detached CMS (PKCS#7) signature of a PDF's signed byte ranges: SHA-256 with RSA PKCS#1 v1.5 or ECDSA (as the key is), the ESS
/// signing-certificate-v2 attribute (PAdES), the official's certificate and its chain; the signing-time attribute only for
/// <c>adbe.pkcs7.detached</c> (PAdES baseline forbids it: the claimed time is the dictionary's /M), and, when an authority is
/// configured, its RFC 3161 token over the signature value as an unsigned attribute.
/// The hash to sign is captured in a first pass so the device (local or remote) signs asynchronously; the CMS is then
/// rebuilt with the same attributes and the device's signature, and checked before it is returned.
/// </summary>
internal static class CmsSignature
{
    public const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";
    const string Sha256Oid = "2.16.840.1.101.3.4.2.1";

    public static async Task<DomainResult<byte[]>> CreateAsync(byte[] content, SigningKey key, DateTimeOffset? signingTime,
        TimestampAuthority? timestamps, CancellationToken ct)
    {
        using var keys = SignatureKeys.Of(key.Certificate)
            ?? throw new NotSupportedException("Only RSA and ECDSA signing certificates are supported.");
        // .NET checks a signature against the certificate before it builds the CMS, so the first pass cannot return a
        // placeholder: it stops at the hash instead.
        byte[] toSign;
        try
        {
            Build(content, key, signingTime, keys.Device(hash => throw new HashToSign(hash)));
            throw new InvalidOperationException("The CMS was built without asking for a signature.");
        }
        catch (HashToSign captured)
        {
            toSign = captured.Hash;
        }

        var signed = await key.SignHashAsync(toSign, ct);
        if (signed.Error is { } refused) return refused;
        if (keys.Checked(toSign, signed.Value!) is not { } signature) return SigningProblems.WrongKey();

        var cms = Build(content, key, signingTime, keys.Device(_ => signature));
        cms.CheckSignature(verifySignatureOnly: true);
        if (timestamps is { Enabled: true } && await timestamps.StampAsync(cms.SignerInfos[0], ct) is { } noStamp) return noStamp;
        return cms.Encode();
    }

    static SignedCms Build(byte[] content, SigningKey key, DateTimeOffset? signingTime, AsymmetricAlgorithm device)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, key.Certificate, device)
        {
            DigestAlgorithm = new Oid(Sha256Oid),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        foreach (var link in key.Chain)
            signer.Certificates.Add(link);
        if (signingTime is { } at) signer.SignedAttributes.Add(new Pkcs9SigningTime(at.UtcDateTime));
        signer.SignedAttributes.Add(new AsnEncodedData(SigningCertificateV2Oid, SigningCertificateV2(key.Certificate)));
        cms.ComputeSignature(signer, silent: true);
        return cms;
    }

    /// <summary>SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } with SHA-256, the default hash (RFC 5035).</summary>
    static byte[] SigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence())
            writer.WriteOctetString(SHA256.HashData(certificate.RawData));
        return writer.Encode();
    }

    /// <summary>Carries the hash out of the first pass; never leaves this class.</summary>
    sealed class HashToSign(byte[] hash) : Exception("The hash the signing device is asked to sign.")
    {
        public byte[] Hash { get; } = hash;
    }
}
