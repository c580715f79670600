using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Procedures.Common;

namespace Procedures.Signatures;

/// <summary>A key held here, in a certificate loaded with its private key (an official's PKCS#12 file).</summary>
public static class LocalKey
{
    public static SigningKey Of(X509Certificate2 certificate, IReadOnlyList<X509Certificate2> chain)
    {
        if (certificate.GetRSAPrivateKey() is not { } rsa)
            throw new ArgumentException("The certificate has no RSA private key.", nameof(certificate));
        return new SigningKey(certificate, chain, (hash, _) =>
            Task.FromResult(DomainResult<byte[]>.Ok(rsa.SignHash(hash, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))));
    }
}
