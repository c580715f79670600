using System.Formats.Asn1;
using System.Security.Cryptography.Pkcs;
using System.Text.RegularExpressions;

namespace Procedures.Tests.Signatures;

/// <summary>The CMS in a signed PDF's /Contents, decoded for tests that look at its attributes.</summary>
internal static partial class SignatureCms
{
    public static SignedCms Of(byte[] pdf)
    {
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        var hex = Contents().Matches(text)[^1].Groups[1].Value;
        var der = Convert.FromHexString(hex);
        AsnDecoder.ReadEncodedValue(der, AsnEncodingRules.BER, out _, out _, out var length);
        var cms = new SignedCms();
        cms.Decode(der.AsSpan(0, length));
        return cms;
    }

    [GeneratedRegex(@"/Contents\s*<([0-9A-Fa-f]{2000,})>")]
    private static partial Regex Contents();
}
