using System.Security.Cryptography;

namespace Procedures.Signatures;

/// <summary>
/// An ECDSA key whose private operation happens elsewhere, as <see cref="DelegatingRsa"/> for RSA: <see cref="SignedCms"/> asks it
/// to sign the hash of the signed attributes and it answers with what <paramref name="sign"/> returns (IEEE P1363, r‖s).
/// </summary>
internal sealed class DelegatingEcdsa : ECDsa
{
    readonly ECDsa _public;
    readonly Func<byte[], byte[]> _sign;

    public DelegatingEcdsa(ECDsa publicKey, Func<byte[], byte[]> sign)
    {
        _public = publicKey;
        _sign = sign;
        KeySizeValue = publicKey.KeySize;
    }

    public override ECParameters ExportParameters(bool includePrivateParameters) =>
        includePrivateParameters ? throw new CryptographicException("The private key is not here.") : _public.ExportParameters(false);

    public override ECParameters ExportExplicitParameters(bool includePrivateParameters) =>
        includePrivateParameters ? throw new CryptographicException("The private key is not here.") : _public.ExportExplicitParameters(false);

    public override void ImportParameters(ECParameters parameters) => throw new NotSupportedException();

    public override void GenerateKey(ECCurve curve) => throw new NotSupportedException();

    public override byte[] SignHash(byte[] hash) => _sign(hash);

    public override bool VerifyHash(byte[] hash, byte[] signature) => _public.VerifyHash(hash, signature);

    protected override void Dispose(bool disposing)
    {
        if (disposing) _public.Dispose();
        base.Dispose(disposing);
    }
}
