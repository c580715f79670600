using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace Procedures.Signatures;

/// <summary>
/// Checks the last signature of a PDF the way a reader does: the byte ranges it covers (the whole file but the
/// signature itself, or a signed revision followed only by long-term validation data), the digest of those bytes against the signed one, the signature with the certificate's key,
/// and the certificate against the trusted authorities and revocation lists at the signing time.
/// </summary>
public sealed partial class SignatureVerifier(TrustStore trust)
{
    public SignatureReport Verify(byte[] pdf)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var text = Encoding.Latin1.GetString(pdf);
        if (LastSignature.Find(pdf, text) is not { } found) return SignatureReport.Unsigned(sha);
        var signedBytes = found.SignedBytes(pdf);
        SignedCms cms;
        try
        {
            cms = new SignedCms(new ContentInfo(signedBytes), detached: true);
            cms.Decode(found.Cms);
        }
        catch (CryptographicException)
        {
            return SignatureReport.Unsigned(sha); // a /ByteRange without a readable signature is no signature
        }
        var signer = cms.SignerInfos[0];
        // The signed attributes, decoded once: the message digest and (adbe.pkcs7.detached) the claimed signing time.
        var attributes = signer.SignedAttributes.Cast<CryptographicAttributeObject>().SelectMany(a => a.Values.Cast<AsnEncodedData>()).ToList();
        var digest = attributes.OfType<Pkcs9MessageDigest>().FirstOrDefault()?.MessageDigest;
        // After the signed revision only long-term validation data (a /DSS update) may follow; anything else is a change.
        var appended = AppendedRevisions.After(pdf, text, (int)found.SignedEnd);
        var unchanged = digest is not null && appended.OnlyValidationData && digest.AsSpan().SequenceEqual(SHA256.HashData(signedBytes));
        var dictionary = DictionaryAround(text, found.Index);
        var timestamp = TimestampCheck.Of(signer, trust);
        // The claimed time: the CMS signing-time (adbe.pkcs7.detached), else the dictionary's /M (PAdES); a valid time-stamp outranks both.
        var claimed = attributes.OfType<Pkcs9SigningTime>().Select(t => (DateTimeOffset?)new DateTimeOffset(DateTime.SpecifyKind(t.SigningTime, DateTimeKind.Utc))).FirstOrDefault()
            ?? PdfDates.Parse(SigningTimeEntry().Match(dictionary) is { Success: true } mt ? mt.Groups[1].Value : null);
        var signedAt = timestamp is { Valid: true, At: { } stamped } ? stamped : claimed;
        var certificate = signer.Certificate;
        bool signatureValid;
        try
        {
            signer.CheckSignature(verifySignatureOnly: true);
            signatureValid = true;
        }
        catch (CryptographicException)
        {
            signatureValid = false; // includes a digest mismatch: the ranges' bytes are not what was signed
        }
        var usedEmbedded = false;
        var problem = certificate is null ? SigningProblems.Untrusted()
            : trust.Check(certificate, cms.Certificates.Cast<X509Certificate2>().Concat(appended.Certificates), signedAt ?? DateTimeOffset.UtcNow,
                appended.Crls, out usedEmbedded);
        var reason = ReasonNear(text, found.Index);
        return new SignatureReport(true, unchanged, signatureValid && unchanged, problem,
            Part(certificate, "2.5.4.3"), Part(certificate, "2.5.4.12"), Part(certificate, "2.5.4.11") ?? Part(certificate, "2.5.4.10"),
            signedAt, reason is null ? null : DossierCode().Match(reason) is { Success: true } m ? m.Value : null, sha,
            timestamp, SubFilterEntry().Match(dictionary) is { Success: true } sf ? sf.Groups[1].Value : null, appended.Dss, usedEmbedded);
    }

    static string? Part(X509Certificate2? certificate, string oid) => certificate?.SubjectName.EnumerateRelativeDistinguishedNames()
        .Where(n => n.GetSingleElementType().Value == oid).Select(n => n.GetSingleElementValue()).FirstOrDefault();

    /// <summary>The signature dictionary's text up to its first nested dictionary (the entries read here come before it).</summary>
    static string DictionaryAround(string text, int at)
    {
        var from = Math.Max(0, text.LastIndexOf("<<", at, StringComparison.Ordinal));
        var end = text.IndexOf(">>", at, StringComparison.Ordinal);
        return text[from..(end < 0 ? text.Length : end)];
    }

    /// <summary>The /Reason of the signature dictionary that holds the byte range, a literal or hex PDF string.</summary>
    static string? ReasonNear(string text, int at)
    {
        var from = Math.Max(0, text.LastIndexOf("<<", at, StringComparison.Ordinal));
        var end = text.IndexOf(">>", at, StringComparison.Ordinal);
        var m = Reason().Match(text, from, (end < 0 ? text.Length : end) - from);
        if (!m.Success) return null;
        var raw = m.Groups["hex"].Success ? Convert.FromHexString(new string([.. m.Groups["hex"].Value.Where(char.IsAsciiHexDigit)])) : Encoding.Latin1.GetBytes(Unescape(m.Groups["lit"].Value));
        return raw.Length >= 2 && raw[0] == 0xFE && raw[1] == 0xFF ? Encoding.BigEndianUnicode.GetString(raw, 2, raw.Length - 2) : Encoding.Latin1.GetString(raw);
    }

    static string Unescape(string literal) => Escape().Replace(literal, e => e.Value[1] switch
    {
        'n' => "\n", 'r' => "\r", 't' => "\t", 'b' => "\b", 'f' => "\f",
        >= '0' and <= '7' => ((char)Convert.ToInt32(e.Value[1..], 8)).ToString(),
        _ => e.Value[1..],
    });

    [GeneratedRegex(@"/SubFilter\s*/([A-Za-z0-9.]+)")]
    private static partial Regex SubFilterEntry();

    [GeneratedRegex(@"/M\s*\((D:[0-9Z+\-']+)\)")]
    private static partial Regex SigningTimeEntry();

    [GeneratedRegex(@"/Reason\s*(?:<(?<hex>[0-9A-Fa-f\s]*)>|\((?<lit>(?:\\.|[^\\)])*)\))", RegexOptions.Singleline)]
    private static partial Regex Reason();

    [GeneratedRegex(@"\\([0-7]{1,3}|.)", RegexOptions.Singleline)]
    private static partial Regex Escape();

    [GeneratedRegex(@"[0-9A-Z]{3}\.[0-9A-Z.]+-\d{6}-\d{4}")]
    private static partial Regex DossierCode();
}
