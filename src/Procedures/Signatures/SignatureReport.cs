using Procedures.Common;

namespace Procedures.Signatures;

/// <summary>
/// What a verification found in a PDF, for anyone who holds it: only the signer's name, title and unit from the
/// certificate, the signing time and the dossier code the signature names; no other personal data.
/// </summary>
/// <param name="DocumentUnchanged">The signed byte ranges hash to the signed digest and cover the whole file, or what follows them is
/// only long-term validation data.</param>
/// <param name="SignatureValid">The signature over the signed attributes checks with the certificate's key.</param>
/// <param name="CertificateProblem">Null when the certificate was trusted, valid and not revoked at the signing time.</param>
/// <param name="SignedAt">The time-stamp's time when a valid one is present, else the time the signer claims.</param>
/// <param name="Timestamp">The RFC 3161 signature time-stamp, when the signature carries one.</param>
/// <param name="SubFilter">How the signature declares its CMS: <c>ETSI.CAdES.detached</c> or <c>adbe.pkcs7.detached</c>.</param>
/// <param name="LongTermValidation">The document carries long-term validation data (a /DSS added after signing, PAdES B-LT).</param>
/// <param name="EmbeddedValidationDataUsed">The revocation check read the lists embedded in the document: the configured ones do not
/// cover the signer's issuer with a current list.</param>
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
    string Sha256,
    SignatureTimestamp? Timestamp = null,
    string? SubFilter = null,
    bool LongTermValidation = false,
    bool EmbeddedValidationDataUsed = false)
{
    /// <summary>A time-stamp that is present must be valid too: a forged or foreign one makes the whole signature suspect.</summary>
    public bool Valid => Signed && DocumentUnchanged && SignatureValid && CertificateProblem is null && Timestamp is not { Valid: false };

    public static SignatureReport Unsigned(string sha256) => new(false, false, false, null, null, null, null, null, null, sha256);
}

/// <summary>A signature time-stamp token (RFC 3161) as verified.</summary>
/// <param name="At">The authority's time; null when the token cannot be read.</param>
/// <param name="Valid">The token is signed by a trusted time-stamping authority and stamps this signature's value.</param>
/// <param name="Authority">The authority's name from its certificate.</param>
public sealed record SignatureTimestamp(DateTimeOffset? At, bool Valid, string? Authority);
