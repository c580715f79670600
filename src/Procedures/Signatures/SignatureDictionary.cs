using System.Text;

namespace Procedures.Signatures;

/// <summary>
/// Sets the two entries of the signature dictionary PDFsharp writes on its own: the /SubFilter (always
/// <c>adbe.pkcs7.detached</c> there) and the /M time (its wall clock, not ours). Both are rewritten in place in the written
/// bytes, with the same length, before the signed ranges are read: offsets and the cross-reference table stay right.
/// </summary>
internal static class SignatureDictionary
{
    static readonly byte[] Adbe = "/adbe.pkcs7.detached"u8.ToArray();
    static readonly byte[] Cades = "/ETSI.CAdES.detached"u8.ToArray(); // the same length, on purpose of the format

    public static void Settle(MemoryStream written, PdfSubFilter subFilter, DateTimeOffset signingTime)
    {
        var bytes = written.GetBuffer().AsSpan(0, (int)written.Length);
        var at = bytes.LastIndexOf(Adbe);
        if (at < 0) throw new InvalidOperationException("The signature dictionary has no /SubFilter to set.");
        if (subFilter == PdfSubFilter.CadesDetached) Cades.CopyTo(bytes[at..]);
        SetTime(bytes, at, signingTime);
    }

    /// <summary>/M (D:…) after the sub-filter becomes the signing time in UTC; the shorter string is padded with spaces outside it.</summary>
    static void SetTime(Span<byte> bytes, int from, DateTimeOffset signingTime)
    {
        var window = bytes[from..Math.Min(bytes.Length, from + 200)];
        var start = window.IndexOf("/M("u8);
        if (start < 0) throw new InvalidOperationException("The signature dictionary has no /M to set.");
        var length = window[start..].IndexOf((byte)')') + 1;
        var entry = Encoding.ASCII.GetBytes($"/M(D:{signingTime.UtcDateTime:yyyyMMddHHmmss}Z)");
        if (length <= 0 || entry.Length > length) throw new InvalidOperationException("The signature dictionary's /M is shorter than expected.");
        var target = window.Slice(start, length);
        target.Fill((byte)' ');
        entry.CopyTo(target);
    }
}
