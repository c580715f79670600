using System.Globalization;
using System.Text.RegularExpressions;

namespace Procedures.Signatures;

/// <summary>PDF date strings (<c>D:YYYYMMDDHHmmSSOHH'mm'</c>, ISO 32000 7.9.4): only the full form signatures carry.</summary>
internal static partial class PdfDates
{
    public static DateTimeOffset? Parse(string? value)
    {
        if (value is null || Full().Match(value) is not { Success: true } m) return null;
        var local = DateTime.ParseExact(m.Groups["t"].Value, "yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var offset = m.Groups["sign"].Value switch
        {
            "+" or "-" => new TimeSpan(int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture),
                m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0, 0) * (m.Groups["sign"].Value == "-" ? -1 : 1),
            _ => TimeSpan.Zero,
        };
        return new DateTimeOffset(local, offset);
    }

    [GeneratedRegex(@"^D:(?<t>\d{14})(?:(?<sign>Z)|(?<sign>[+\-])(?<h>\d{2})'?(?:(?<m>\d{2})'?)?)?$")]
    private static partial Regex Full();
}
