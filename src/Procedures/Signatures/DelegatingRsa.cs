using System.Security.Cryptography;

namespace Procedures.Signatures;

/// <summary>
/// An RSA key whose private operation happens elsewhere: <see cref="SignedCms"/> asks it to sign the hash of the signed
/// attributes and it answers with what <paramref name="sign"/> returns (captured in a first pass, then the device's
/// signature in the second). The public half is the certificate's.
/// </summary>
internal sealed class DelegatingRsa : RSA
{
    readonly RSA _public;
    readonly Func<byte[], byte[]> _sign;

    public DelegatingRsa(RSA publicKey, Func<byte[], byte[]> sign)
    {
        _public = publicKey;
        _sign = sign;
        LegalKeySizesValue = [new KeySizes(1024, 16384, 8)];
        KeySizeValue = publicKey.KeySize;
    }

    public override RSAParameters ExportParameters(bool includePrivateParameters) =>
        includePrivateParameters ? throw new CryptographicException("The private key is not here.") : _public.ExportParameters(false);

    public override void ImportParameters(RSAParameters parameters) => throw new NotSupportedException();

    public override byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)
    {
        if (hashAlgorithm != HashAlgorithmName.SHA256 || padding != RSASignaturePadding.Pkcs1)
            throw new CryptographicException("Only SHA-256 with PKCS#1 v1.5 padding is signed remotely.");
        return _sign(hash);
    }

    public override bool VerifyHash(byte[] hash, byte[] signature, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding) =>
        _public.VerifyHash(hash, signature, hashAlgorithm, padding);

    protected override void Dispose(bool disposing)
    {
        if (disposing) _public.Dispose();
        base.Dispose(disposing);
    }
}
