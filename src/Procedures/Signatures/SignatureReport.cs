using Procedures.Common;

namespace Procedures.Signatures;

/// <summary>
/// What a verification found in a PDF, for anyone who holds it: only the signer's name, title and unit from the
/// certificate, the signing time and the dossier code the signature names; no other personal data.
/// </summary>
/// <param name="DocumentUnchanged">The signed byte ranges hash to the signed digest and cover the whole file.</param>
/// <param name="SignatureValid">The signature over the signed attributes checks with the certificate's key.</param>
/// <param name="CertificateProblem">Null when the certificate was trusted, valid and not revoked at the signing time.</param>
public sealed record SignatureReport(
    bool Signed,
    bool DocumentUnchanged,
    bool SignatureValid,
    DomainError? CertificateProblem,
    string? SignerName,
    string? SignerTitle,
    string? SignerUnit,
    DateTimeOffset? SignedAt,
    string? DossierCode,
    string Sha256)
{
    public bool Valid => Signed && DocumentUnchanged && SignatureValid && CertificateProblem is null;

    public static SignatureReport Unsigned(string sha256) => new(false, false, false, null, null, null, null, null, null, sha256);
}
