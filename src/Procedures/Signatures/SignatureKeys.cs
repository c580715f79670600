using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Procedures.Signatures;

/// <summary>
/// What a certificate's public key means for signing: RSA (PKCS#1 v1.5) or ECDSA (P-256 and other named curves), both over
/// SHA-256. The CMS takes its signature algorithm from the key, so a signing device only has to sign the hash it is given.
/// </summary>
internal sealed class SignatureKeys : IDisposable
{
    readonly RSA? _rsa;
    readonly ECDsa? _ecdsa;

    SignatureKeys(RSA? rsa, ECDsa? ecdsa) => (_rsa, _ecdsa) = (rsa, ecdsa);

    /// <summary>Null when the certificate's key is neither RSA nor ECDSA.</summary>
    public static SignatureKeys? Of(X509Certificate2 certificate) =>
        certificate.GetRSAPublicKey() is { } rsa ? new(rsa, null)
        : certificate.GetECDsaPublicKey() is { } ecdsa ? new(null, ecdsa)
        : null;

    /// <summary>A key object for <see cref="System.Security.Cryptography.Pkcs.CmsSigner"/> whose signing is <paramref name="sign"/>.</summary>
    public AsymmetricAlgorithm Device(Func<byte[], byte[]> sign) => _rsa is not null
        ? new DelegatingRsa(RSA.Create(_rsa.ExportParameters(false)), sign)
        : new DelegatingEcdsa(ECDsa.Create(_ecdsa!.ExportParameters(false)), sign);

    /// <summary>
    /// The device's signature of <paramref name="hash"/> in the form the CMS encoder expects (PKCS#1 v1.5 for RSA, IEEE P1363 for
    /// ECDSA; a DER-encoded ECDSA signature, as some services answer, is converted), or null when it does not check with the key.
    /// </summary>
    public byte[]? Checked(byte[] hash, byte[] signature)
    {
        if (_rsa is not null) return _rsa.VerifyHash(hash, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1) ? signature : null;
        if (_ecdsa!.VerifyHash(hash, signature)) return signature;
        return _ecdsa.VerifyHash(hash, signature, DSASignatureFormat.Rfc3279DerSequence) ? P1363(signature, (_ecdsa.KeySize + 7) / 8) : null;
    }

    static byte[] P1363(byte[] der, int fieldBytes)
    {
        var sequence = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        var result = new byte[2 * fieldBytes];
        for (var i = 0; i < 2; i++)
        {
            var integer = sequence.ReadIntegerBytes().Span.TrimStart((byte)0);
            integer.CopyTo(result.AsSpan((i + 1) * fieldBytes - integer.Length));
        }
        return result;
    }

    public void Dispose()
    {
        _rsa?.Dispose();
        _ecdsa?.Dispose();
    }
}
