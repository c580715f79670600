using System.Globalization;
using System.Text.RegularExpressions;

namespace Procedures.Signatures;

/// <summary>
/// Just enough of the PDF syntax (ISO 32000-1 §7.3, §7.5) to read a classic trailer, an object's latest definition and a
/// dictionary's top-level entries from the file's text (Latin-1, one char per byte), and to write them back.
/// </summary>
internal static partial class PdfSyntax
{
    /// <summary>The dictionary of the last <c>trailer</c> keyword before <paramref name="end"/>; null when the file has none there (an xref stream).</summary>
    public static string? Trailer(string text, int end)
    {
        var at = text.LastIndexOf("trailer", Math.Max(0, end - 1), StringComparison.Ordinal);
        if (at < 0) return null;
        var open = text.IndexOf("<<", at, StringComparison.Ordinal);
        return open < 0 || open >= end ? null : Dictionary(text, open);
    }

    /// <summary>The offset after the last <c>startxref</c> before <paramref name="end"/>.</summary>
    public static long? StartXref(string text, int end)
    {
        var at = text.LastIndexOf("startxref", Math.Max(0, end - 1), StringComparison.Ordinal);
        return at >= 0 && Number().Match(text, at + 9) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The dictionary of object <paramref name="reference"/>'s last definition before <paramref name="end"/>.</summary>
    public static string? ObjectDictionary(string text, (int Number, int Generation) reference, int end)
    {
        var header = new Regex($@"(?<![0-9]){reference.Number}\s+{reference.Generation}\s+obj\b");
        var found = header.Matches(text[..end]);
        if (found.Count == 0) return null;
        var open = text.IndexOf("<<", found[^1].Index + found[^1].Length, StringComparison.Ordinal);
        return open < 0 || open >= end ? null : Dictionary(text, open);
    }

    /// <summary>The dictionary starting at <paramref name="open"/> (its "&lt;&lt;"), nested dictionaries and strings skipped whole.</summary>
    public static string Dictionary(string text, int open) => text[open..ValueEnd(text, open)];

    /// <summary>The top-level entries of a dictionary, each value as written with its whitespace collapsed.</summary>
    public static List<KeyValuePair<string, string>> Entries(string dictionary)
    {
        var entries = new List<KeyValuePair<string, string>>();
        var at = 2;
        var end = dictionary.Length - 2;
        while (true)
        {
            at = SkipSpace(dictionary, at);
            if (at >= end || dictionary[at] != '/') break;
            var keyEnd = NameEnd(dictionary, at + 1);
            var key = dictionary[at..keyEnd];
            var from = SkipSpace(dictionary, keyEnd);
            if (from >= end) break;
            var to = dictionary[from] == '/' ? NameEnd(dictionary, from + 1) : ValueUntilKey(dictionary, from, end);
            entries.Add(new(key, Collapse(dictionary[from..to])));
            at = to;
        }
        return entries;
    }

    public static string? Value(IEnumerable<KeyValuePair<string, string>> entries, string key) =>
        entries.Where(e => e.Key == key).Select(e => e.Value).FirstOrDefault();

    /// <summary>An indirect reference "n g R"; null when the value is anything else.</summary>
    public static (int Number, int Generation)? Reference(string? value) =>
        value is not null && IndirectReference().Match(value) is { Success: true } m
            ? (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)) : null;

    public static string Write(IEnumerable<KeyValuePair<string, string>> entries) => "<<" + string.Concat(entries.Select(e => $" {e.Key} {e.Value}")) + " >>";

    /// <summary>Where the value starting at <paramref name="at"/> ends: a dictionary, array or string whole, else the next delimiter.</summary>
    static int ValueEnd(string text, int at)
    {
        var depth = 0;
        var i = at;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '(') { i = StringEnd(text, i); if (depth == 0) return i; continue; }
            if (c == '%') { while (i < text.Length && text[i] is not ('\r' or '\n')) i++; continue; }
            if (c == '<' && i + 1 < text.Length && text[i + 1] == '<') { depth++; i += 2; continue; }
            if (c == '>' && i + 1 < text.Length && text[i + 1] == '>') { depth--; i += 2; if (depth == 0) return i; continue; }
            if (c == '<') { i = text.IndexOf('>', i) + 1; if (i == 0) return text.Length; if (depth == 0) return i; continue; }
            if (c == '[') depth++;
            if (c == ']') { depth--; if (depth == 0) return i + 1; }
            i++;
        }
        return text.Length;
    }

    /// <summary>A value that is not a name: up to the next key at this level ("/" outside any nesting) or the dictionary's end.</summary>
    static int ValueUntilKey(string text, int at, int end)
    {
        var i = at;
        while (i < end)
        {
            var c = text[i];
            if (c is '(' or '<' or '[') { i = ValueEnd(text, i); continue; }
            if (c == '/') break;
            i++;
        }
        while (i > at && char.IsWhiteSpace(text[i - 1])) i--;
        return i;
    }

    static int StringEnd(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '\\') { i++; continue; }
            if (text[i] == '(') depth++;
            if (text[i] == ')' && --depth == 0) return i + 1;
        }
        return text.Length;
    }

    static int NameEnd(string text, int at)
    {
        while (at < text.Length && !char.IsWhiteSpace(text[at]) && text[at] is not ('/' or '<' or '>' or '[' or ']' or '(' or ')' or '{' or '}' or '%')) at++;
        return at;
    }

    public static int SkipSpace(string text, int at)
    {
        while (at < text.Length && (char.IsWhiteSpace(text[at]) || text[at] == '\0')) at++;
        return at;
    }

    static string Collapse(string value) => Whitespace().Replace(value.Trim(), " ");

    [GeneratedRegex(@"\G\s*(\d+)")]
    private static partial Regex Number();

    [GeneratedRegex(@"^\s*(\d+)\s+(\d+)\s+R\s*$")]
    private static partial Regex IndirectReference();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
