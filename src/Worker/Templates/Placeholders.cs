using System.Text.RegularExpressions;
using Procedures.Common;

namespace Worker.Templates;

/// <summary>Template text with <c>{{Name}}</c> placeholders: checked against the event's list on save, filled in on send.</summary>
public static partial class Placeholders
{
    [GeneratedRegex(@"\{\{\s*([^{}]*?)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex Name();

    /// <summary>The first problem in <paramref name="text"/> (field <paramref name="field"/>), or null when every placeholder is known.</summary>
    public static DomainError? Check(string field, string text, IReadOnlySet<string> allowed)
    {
        foreach (Match m in Placeholder().Matches(text))
        {
            var name = m.Groups[1].Value;
            if (!Name().IsMatch(name) || !allowed.Contains(name))
                return DomainError.Invalid(field, "unknown-placeholder",
                    $"Trường '{field}' có biến không hợp lệ {{{{{name}}}}}. Các biến được dùng: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}.",
                    $"Unknown placeholder {{{{{name}}}}} in '{field}'. Allowed: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}.");
        }
        // Braces left after removing every well-formed placeholder are a placeholder someone forgot to close.
        var rest = Placeholder().Replace(text, "");
        if (rest.Contains("{{", StringComparison.Ordinal) || rest.Contains("}}", StringComparison.Ordinal))
            return DomainError.Invalid(field, "unclosed-placeholder",
                $"Trường '{field}' có biến chưa đóng: mỗi '{{{{' cần một '}}}}'.",
                $"'{field}' has an unclosed placeholder: every '{{{{' needs a '}}}}'.");
        return null;
    }

    /// <summary>Fills placeholders; one without a value becomes empty rather than showing braces to a citizen.</summary>
    public static string Render(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : "");

    /// <summary>Names used in <paramref name="text"/>, in order of first use.</summary>
    public static IReadOnlyList<string> Used(string text)
    {
        var names = new List<string>();
        foreach (Match m in Placeholder().Matches(text))
            if (!names.Contains(m.Groups[1].Value)) names.Add(m.Groups[1].Value);
        return names;
    }
}
