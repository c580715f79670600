using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Procedures.Common;

namespace Procedures.Signatures;

/// <summary>A key held here, in a certificate loaded with its private key (an official's PKCS#12 file): RSA or ECDSA.</summary>
public static class LocalKey
{
    public static SigningKey Of(X509Certificate2 certificate, IReadOnlyList<X509Certificate2> chain)
    {
        if (certificate.GetRSAPrivateKey() is { } rsa)
            return new SigningKey(certificate, chain, (hash, _) =>
                Task.FromResult(DomainResult<byte[]>.Ok(rsa.SignHash(hash, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))));
        if (certificate.GetECDsaPrivateKey() is { } ecdsa)
            return new SigningKey(certificate, chain, (hash, _) => Task.FromResult(DomainResult<byte[]>.Ok(ecdsa.SignHash(hash))));
        throw new ArgumentException("The certificate has no RSA or ECDSA private key.", nameof(certificate));
    }
}
