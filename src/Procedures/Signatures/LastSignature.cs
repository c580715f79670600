using System.Formats.Asn1;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Procedures.Signatures;

/// <summary>
/// The last signature dictionary of a PDF as its bytes say: the /ByteRange, the whole /Contents (with the zero padding,
/// as PAdES hashes it for the /VRI key) and the CMS inside it (the DER without the padding).
/// </summary>
internal sealed partial record LastSignature(int Index, long[] Range, byte[] Contents, byte[] Cms)
{
    /// <summary>Where the signed revision ends: everything after it was appended after signing.</summary>
    public long SignedEnd => Range[2] + Range[3];

    /// <summary>Null when there is no /ByteRange, its ranges do not frame a hex string, or the string holds no DER value.</summary>
    public static LastSignature? Find(byte[] pdf, string text)
    {
        var ranges = ByteRange().Matches(text);
        if (ranges.Count == 0) return null;
        var range = ranges[^1];
        var r = range.Groups.Cast<Group>().Skip(1).Select(g => long.Parse(g.Value, CultureInfo.InvariantCulture)).ToArray();
        if (r[0] != 0 || r[1] < 2 || r[2] <= r[1] || r[2] + r[3] > pdf.Length || pdf[r[1]] != '<' || pdf[r[2] - 1] != '>') return null;
        try
        {
            var contents = Convert.FromHexString(new string([.. text[(int)(r[1] + 1)..(int)(r[2] - 1)].Where(char.IsAsciiHexDigit)]));
            AsnDecoder.ReadEncodedValue(contents, AsnEncodingRules.BER, out _, out _, out var length);
            return new LastSignature(range.Index, r, contents, contents[..length]);
        }
        catch (Exception e) when (e is FormatException or AsnContentException)
        {
            return null;
        }
    }

    /// <summary>The bytes the signature covers: both ranges, the /Contents hex string left out.</summary>
    public byte[] SignedBytes(byte[] pdf) => [.. pdf.AsSpan(0, (int)Range[1]), .. pdf.AsSpan((int)Range[2], (int)Range[3])];

    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRange();
}
