using System.Globalization;
using System.Text;

namespace Procedures.Signatures;

/// <summary>
/// Appends a Document Security Store (ISO 32000-2 §12.8.4.3, PAdES B-LT) to a signed PDF as an incremental update: one stream
/// per certificate and per revocation list (DER, unfiltered), the /DSS dictionary with its /VRI entry for the signature, a new
/// revision of the catalog with every entry it had plus /DSS, and a classic cross-reference section whose trailer keeps the
/// old one's entries with the new /Size and /Prev. The signed bytes are not touched. The documents signed here are written by
/// PDFsharp, which always ends a file in a classic table; a file that ends in a cross-reference stream is refused rather
/// than given a hybrid update.
/// </summary>
internal static class ValidationDataWriter
{
    public static byte[] Append(byte[] pdf, IReadOnlyList<byte[]> certificates, IReadOnlyList<byte[]> crls, string vriKey)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var trailer = PdfSyntax.Trailer(text, text.Length)
            ?? throw new NotSupportedException("The signed PDF ends in a cross-reference stream; only a classic table gets validation data.");
        var entries = PdfSyntax.Entries(trailer);
        var size = int.Parse(PdfSyntax.Value(entries, "/Size") ?? throw new InvalidOperationException("The trailer has no /Size."), CultureInfo.InvariantCulture);
        var root = PdfSyntax.Reference(PdfSyntax.Value(entries, "/Root")) ?? throw new InvalidOperationException("The trailer has no /Root.");
        var previous = PdfSyntax.StartXref(text, text.Length) ?? throw new InvalidOperationException("The PDF has no startxref.");
        var catalog = PdfSyntax.ObjectDictionary(text, root, text.Length) ?? throw new InvalidOperationException("The catalog cannot be read.");

        using var output = new MemoryStream(pdf.Length + 16384);
        output.Write(pdf);
        if (pdf[^1] is not ((byte)'\n' or (byte)'\r')) Write(output, "\n");
        var offsets = new List<long>();
        var next = size;
        int Stream(byte[] der)
        {
            offsets.Add(output.Position);
            Write(output, $"{next} 0 obj\n<< /Length {der.Length} >>\nstream\n");
            output.Write(der);
            Write(output, "\nendstream\nendobj\n");
            return next++;
        }
        var certs = References(certificates.Select(Stream).ToList());
        var lists = References(crls.Select(Stream).ToList());
        var dss = next++;
        offsets.Add(output.Position);
        Write(output, $"{dss} 0 obj\n<< /Type /DSS /Certs {certs} /CRLs {lists} /VRI << /{vriKey} << /Cert {certs} /CRL {lists} >> >> >>\nendobj\n");

        var catalogAt = output.Position;
        var catalogEntries = PdfSyntax.Entries(catalog).Where(e => e.Key != "/DSS").Append(new("/DSS", $"{dss} 0 R"));
        Write(output, $"{root.Number} {root.Generation} obj\n{PdfSyntax.Write(catalogEntries)}\nendobj\n");

        var xref = output.Position;
        var table = new StringBuilder("xref\n");
        table.Append(CultureInfo.InvariantCulture, $"{root.Number} 1\n{catalogAt:D10} {root.Generation:D5} n\r\n");
        table.Append(CultureInfo.InvariantCulture, $"{size} {offsets.Count}\n");
        foreach (var offset in offsets) table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n\r\n");
        var trailerEntries = entries.Where(e => e.Key is not ("/Size" or "/Prev" or "/XRefStm"))
            .Append(new("/Size", next.ToString(CultureInfo.InvariantCulture))).Append(new("/Prev", previous.ToString(CultureInfo.InvariantCulture)));
        table.Append(CultureInfo.InvariantCulture, $"trailer\n{PdfSyntax.Write(trailerEntries)}\nstartxref\n{xref}\n%%EOF\n");
        Write(output, table.ToString());
        return output.ToArray();
    }

    static string References(List<int> numbers) => "[" + string.Join(" ", numbers.Select(n => $"{n} 0 R")) + "]";

    static void Write(MemoryStream output, string text) => output.Write(Encoding.Latin1.GetBytes(text));
}
