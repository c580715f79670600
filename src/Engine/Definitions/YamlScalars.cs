using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Engine.Definitions;

/// <summary>
/// The YAML 1.2 core-schema reading of plain scalars, used for <c>set</c> and <c>emit.data</c> values so that
/// <c>fee: 50000</c> stays a number and <c>paid: false</c> a boolean, while quoted scalars are always text.
/// </summary>
internal static partial class YamlScalars
{
    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && IsNullText(scalar.Value ?? "");

    public static object? Value(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        return scalar.Style == ScalarStyle.Plain ? Plain(text) : text;
    }

    /// <summary>True when the text, written plain, would not read back as the same text.</summary>
    public static bool NeedsQuotes(string text) => Plain(text) is not string;

    private static object? Plain(string text)
    {
        if (IsNullText(text)) return null;
        if (text is "true" or "True" or "TRUE") return true;
        if (text is "false" or "False" or "FALSE") return false;
        if (Integer().IsMatch(text))
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)) return whole;
            if (decimal.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big)) return big;
        }
        // Numbers too large or too precise for decimal stay text rather than lose digits.
        if (Real().IsMatch(text) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
            return real;
        return text;
    }

    private static bool IsNullText(string text) => text is "" or "~" or "null" or "Null" or "NULL";

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Real();
}
