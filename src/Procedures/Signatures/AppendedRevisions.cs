using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Org.BouncyCastle.X509;

namespace Procedures.Signatures;

/// <summary>
/// What was appended to a PDF after its signed revision, and whether it is only long-term validation data: new stream objects
/// that are certificates or revocation lists, the /DSS and /VRI dictionaries, and new revisions of the catalog equal to the
/// signed one plus /DSS, each listed in a classic cross-reference section whose trailer keeps the signed trailer's entries.
/// A changed page, a new annotation, any other object, a redefined or freed object, or bytes that are none of these make it
/// a changed document.
/// </summary>
/// <param name="OnlyValidationData">Nothing but validation data follows the signed revision (true when nothing follows).</param>
/// <param name="Dss">The appended catalog carries a /DSS.</param>
internal sealed partial record AppendedRevisions(bool OnlyValidationData, bool Dss, IReadOnlyList<X509Certificate2> Certificates, IReadOnlyList<byte[]> Crls)
{
    public static AppendedRevisions None { get; } = new(true, false, [], []);
    static AppendedRevisions Changed { get; } = new(false, false, [], []);

    /// <summary>Trailer entries an update rewrites; every other one must stay as it was signed.</summary>
    static readonly HashSet<string> UpdatedTrailerKeys = ["/Size", "/Prev", "/ID"];
    static readonly HashSet<string> DssKeys = ["/Type", "/Certs", "/CRLs", "/OCSPs", "/VRI", "/Cert", "/CRL", "/OCSP", "/TU", "/TS"];

    public static AppendedRevisions After(byte[] pdf, string text, int signedEnd)
    {
        if (signedEnd >= pdf.Length) return None;
        try
        {
            return Read(pdf, text, signedEnd);
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            return Changed; // numbers or offsets no reader could follow: not an update we can vouch for
        }
    }

    static AppendedRevisions Read(byte[] pdf, string text, int signedEnd)
    {
        if (PdfSyntax.Trailer(text, signedEnd) is not { } signedTrailer) return Changed;
        var trailer = PdfSyntax.Entries(signedTrailer);
        if (!int.TryParse(PdfSyntax.Value(trailer, "/Size"), CultureInfo.InvariantCulture, out var size)
            || PdfSyntax.Reference(PdfSyntax.Value(trailer, "/Root")) is not { } root
            || PdfSyntax.ObjectDictionary(text, root, signedEnd) is not { } signedCatalog) return Changed;
        var catalog = WithoutDss(PdfSyntax.Entries(signedCatalog));

        var objects = new Dictionary<long, (int Number, int Generation)>();
        var listed = new List<(int Number, int Generation, long Offset, bool InUse)>();
        var certificates = new List<X509Certificate2>();
        var crls = new List<byte[]>();
        var dss = false;
        var trailers = 0;
        var at = signedEnd;
        while ((at = PdfSyntax.SkipSpace(text, at)) < text.Length)
        {
            if (ObjectHeader().Match(text, at) is { Success: true } header)
            {
                var reference = (Number: Int(header.Groups[1]), Generation: Int(header.Groups[2]));
                var body = PdfSyntax.SkipSpace(text, header.Index + header.Length);
                if (string.CompareOrdinal(text, body, "<<", 0, 2) != 0) return Changed;
                var dictionary = PdfSyntax.Dictionary(text, body);
                var entries = PdfSyntax.Entries(dictionary);
                var after = PdfSyntax.SkipSpace(text, body + dictionary.Length);
                byte[]? stream = null;
                if (Keyword(text, after, "stream"))
                {
                    var start = after + 6;
                    if (start < text.Length && text[start] == '\r') start++;
                    if (start < text.Length && text[start] == '\n') start++;
                    if (!int.TryParse(PdfSyntax.Value(entries, "/Length"), CultureInfo.InvariantCulture, out var length) || length < 0 || start + length > pdf.Length)
                        return Changed;
                    stream = pdf[start..(start + length)];
                    after = PdfSyntax.SkipSpace(text, start + length);
                    if (!Keyword(text, after, "endstream")) return Changed;
                    after = PdfSyntax.SkipSpace(text, after + 9);
                }
                if (!Keyword(text, after, "endobj")) return Changed;
                at = after + 6;
                objects[header.Index] = reference;

                if (reference == root)
                {
                    // The catalog again: every entry as signed, plus /DSS pointing at the store.
                    if (stream is not null || PdfSyntax.Reference(PdfSyntax.Value(entries, "/DSS")) is null || !Same(WithoutDss(entries), catalog))
                        return Changed;
                    dss = true;
                }
                else if (reference.Number < size || reference.Generation != 0) return Changed; // an object of the signed document, changed
                else if (stream is not null)
                {
                    if (Decoded(entries, stream) is not { } der) return Changed;
                    if (Certificate(der) is { } certificate) certificates.Add(certificate);
                    else if (IsCrl(der)) crls.Add(der);
                    else return Changed;
                }
                else if (!entries.All(e => DssKeys.Contains(e.Key) || VriKey().IsMatch(e.Key))
                    || PdfSyntax.Value(entries, "/Type") is not (null or "/DSS" or "/VRI")) return Changed;
                continue;
            }
            if (Keyword(text, at, "xref"))
            {
                at += 4;
                while (Subsection().Match(text, at) is { Success: true } subsection)
                {
                    at = subsection.Index + subsection.Length;
                    for (var n = 0; n < Int(subsection.Groups[2]); n++)
                    {
                        if (Entry().Match(text, at) is not { Success: true } entry) return Changed;
                        listed.Add((Int(subsection.Groups[1]) + n, Int(entry.Groups[2]), long.Parse(entry.Groups[1].Value, CultureInfo.InvariantCulture),
                            entry.Groups[3].Value == "n"));
                        at = entry.Index + entry.Length;
                    }
                }
                at = PdfSyntax.SkipSpace(text, at);
                if (!Keyword(text, at, "trailer")) return Changed;
                var open = PdfSyntax.SkipSpace(text, at + 7);
                if (string.CompareOrdinal(text, open, "<<", 0, 2) != 0) return Changed;
                var appended = PdfSyntax.Dictionary(text, open);
                if (!Same(PdfSyntax.Entries(appended).Where(e => !UpdatedTrailerKeys.Contains(e.Key)), trailer.Where(e => !UpdatedTrailerKeys.Contains(e.Key))))
                    return Changed;
                trailers++;
                at = open + appended.Length;
                continue;
            }
            if (StartXref().Match(text, at) is { Success: true } startxref) { at += startxref.Length; continue; }
            if (Keyword(text, at, "%%EOF")) { at += 5; continue; }
            return Changed;
        }
        // Every appended object listed where it is, nothing else listed and nothing freed: no reader can see another revision.
        var ok = trailers > 0
            && listed.All(e => e.InUse ? objects.TryGetValue(e.Offset, out var o) && o == (e.Number, e.Generation) : e.Number == 0)
            && objects.All(o => listed.Any(e => e.InUse && e.Offset == o.Key));
        return ok ? new AppendedRevisions(true, dss, certificates, crls) : Changed;
    }

    static List<KeyValuePair<string, string>> WithoutDss(IEnumerable<KeyValuePair<string, string>> entries) => [.. entries.Where(e => e.Key != "/DSS")];

    static bool Same(IEnumerable<KeyValuePair<string, string>> a, IEnumerable<KeyValuePair<string, string>> b) =>
        a.OrderBy(e => e.Key, StringComparer.Ordinal).SequenceEqual(b.OrderBy(e => e.Key, StringComparer.Ordinal));

    /// <summary>The stream's bytes, unfiltered or inflated; null for any other filter or an entry a DER stream has no use for.</summary>
    static byte[]? Decoded(List<KeyValuePair<string, string>> entries, byte[] stream)
    {
        if (entries.Any(e => e.Key is not ("/Length" or "/Filter"))) return null;
        switch (PdfSyntax.Value(entries, "/Filter"))
        {
            case null: return stream;
            case "/FlateDecode" or "[/FlateDecode]" or "[ /FlateDecode ]":
                try
                {
                    using var inflated = new MemoryStream();
                    using (var zlib = new ZLibStream(new MemoryStream(stream), CompressionMode.Decompress)) zlib.CopyTo(inflated);
                    return inflated.ToArray();
                }
                catch (InvalidDataException) { return null; }
            default: return null;
        }
    }

    static X509Certificate2? Certificate(byte[] der)
    {
        try { return X509CertificateLoader.LoadCertificate(der); }
        catch (CryptographicException) { return null; }
    }

    static bool IsCrl(byte[] der)
    {
        try { return new X509CrlParser().ReadCrl(der) is not null; }
        catch (Exception e) when (e is Org.BouncyCastle.Security.GeneralSecurityException or IOException or ArgumentException) { return false; }
    }

    static bool Keyword(string text, int at, string keyword) =>
        string.CompareOrdinal(text, at, keyword, 0, keyword.Length) == 0
        && (at + keyword.Length == text.Length || char.IsWhiteSpace(text[at + keyword.Length]) || text[at + keyword.Length] is '<' or '%');

    static int Int(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\G(\d+)\s+(\d+)\s+obj\b")]
    private static partial Regex ObjectHeader();

    [GeneratedRegex(@"\G\s*(\d+)\s+(\d+)[ \t]*\r?\n")]
    private static partial Regex Subsection();

    [GeneratedRegex(@"\G\s*(\d{10}) (\d{5}) ([nf])")]
    private static partial Regex Entry();

    [GeneratedRegex(@"\Gstartxref\s+\d+")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"^/[0-9A-F]{40}$")]
    private static partial Regex VriKey();
}
