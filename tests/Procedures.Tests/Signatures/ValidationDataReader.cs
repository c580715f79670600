using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace Procedures.Tests.Signatures;

/// <summary>The /DSS of a PDF read back with PDFsharp, as another reader would: the certificates' and lists' DER bytes.</summary>
internal sealed record DssContents(IReadOnlyList<byte[]> Certificates, IReadOnlyList<byte[]> Crls, IReadOnlyList<string> VriKeys)
{
    public static DssContents? Of(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        if (document.Internals.Catalog.Elements.GetDictionary("/DSS") is not { } dss) return null;
        return new DssContents(Streams(dss, "/Certs"), Streams(dss, "/CRLs"), dss.Elements.GetDictionary("/VRI")?.Elements.Keys.ToList() ?? []);
    }

    static List<byte[]> Streams(PdfDictionary dss, string key) =>
        dss.Elements.GetArray(key) is { } array
            ? [.. array.Elements.Select(e => ((PdfDictionary)((PdfReference)e).Value).Stream.Value)]
            : [];

    /// <summary>
    /// Appends an incremental update to <paramref name="pdf"/> that defines <paramref name="objects"/> (number → dictionary text),
    /// with a classic cross-reference section and a trailer keeping /Root, /Info and /ID: what another tool's later save looks like.
    /// </summary>
    public static byte[] AppendUpdate(byte[] pdf, IReadOnlyDictionary<int, string> objects, int size)
    {
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        var trailer = text[text.LastIndexOf("trailer", StringComparison.Ordinal)..];
        var kept = string.Join(" ", System.Text.RegularExpressions.Regex.Matches(trailer, @"/(?:Root|Info)\s+\d+\s+\d+\s+R|/ID\s*\[[^\]]*\]").Select(m => m.Value));
        var previous = System.Text.RegularExpressions.Regex.Match(text[text.LastIndexOf("startxref", StringComparison.Ordinal)..], @"\d+").Value;
        var output = new System.Text.StringBuilder();
        var offsets = new SortedDictionary<int, long>();
        foreach (var (number, body) in objects)
        {
            offsets[number] = pdf.Length + output.Length;
            output.Append($"{number} 0 obj\n{body}\nendobj\n");
        }
        var xref = pdf.Length + output.Length;
        output.Append("xref\n");
        foreach (var (number, offset) in offsets) output.Append($"{number} 1\n{offset:D10} 00000 n\r\n");
        output.Append($"trailer\n<< /Size {Math.Max(size, offsets.Keys.Max() + 1)} {kept} /Prev {previous} >>\nstartxref\n{xref}\n%%EOF\n");
        return [.. pdf, .. System.Text.Encoding.Latin1.GetBytes(output.ToString())];
    }
}
