using System.Text;

namespace Procedures.Common;

/// <summary>
/// What text may hold, wherever it comes from. Control characters (C0, DEL, C1) are refused: PostgreSQL rejects NUL and
/// the others only serve to forge log lines, headers or terminal output; free text keeps tab, CR and LF. Bidi overrides
/// and isolates are dropped everywhere (they make a text read differently from what it is) and zero-width characters
/// from one-line fields such as names and codes (they make two equal-looking names differ). Everything is NFC, so a
/// name typed with combining marks (NFD) equals and finds the same name typed precomposed.
/// </summary>
public static class CleanText
{
    /// <summary>
    /// Fields that hold one line: names, codes, numbers, contacts, titles. Decided by the field's name, so one rule
    /// serves every request and entity; any other text is free text, where line breaks are allowed.
    /// </summary>
    public static bool IsSingleLine(string field)
    {
        foreach (var suffix in SingleLineSuffixes)
            if (field.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static readonly string[] SingleLineSuffixes = ["name", "code", "number", "phone", "email", "address", "title", "factor", "culture"];

    /// <summary>The first character that is refused, or null when the text may be kept.</summary>
    public static char? FirstRefused(string text, bool singleLine)
    {
        foreach (var c in text)
            if (IsRefused(c, singleLine)) return c;
        return null;
    }

    /// <summary>NFC, without bidi controls, and without zero-width characters when <paramref name="singleLine"/>.</summary>
    public static string Normalise(string text, bool singleLine)
    {
        if (text.Length == 0) return text;
        if (text.AsSpan().IndexOfAny(singleLine ? InvisibleInLine : InvisibleInText) >= 0)
        {
            var kept = new StringBuilder(text.Length);
            foreach (var c in text)
                if (!IsBidiControl(c) && !(singleLine && IsZeroWidth(c))) kept.Append(c);
            text = kept.ToString();
        }
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// For storage, where a refusal is too late: refused characters become a space in one-line fields (so a CR/LF or ESC
    /// in a name never reaches a log, header or letter verbatim) and are dropped from free text.
    /// </summary>
    public static string ForStorage(string text, bool singleLine)
    {
        if (FirstRefused(text, singleLine) is not null)
        {
            var kept = new StringBuilder(text.Length);
            foreach (var c in text)
                if (!IsRefused(c, singleLine)) kept.Append(c);
                else if (singleLine && c != '\0') kept.Append(' ');
            text = kept.ToString();
        }
        return Normalise(text, singleLine);
    }

    /// <summary>A search term as stored text is: NFC, without invisible characters or control characters.</summary>
    public static string? ForSearch(string? text) => text is null ? null : ForStorage(text, singleLine: true);

    private static bool IsRefused(char c, bool singleLine) =>
        (c < ' ' && (singleLine || c is not ('\t' or '\r' or '\n'))) || c is >= '\u007F' and <= '\u009F';

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    private static bool IsZeroWidth(char c) => c is >= '\u200B' and <= '\u200D' or '\uFEFF';

    private const string Bidi = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";
    private static readonly System.Buffers.SearchValues<char> InvisibleInText = System.Buffers.SearchValues.Create(Bidi);
    private static readonly System.Buffers.SearchValues<char> InvisibleInLine = System.Buffers.SearchValues.Create(Bidi + "\u200B\u200C\u200D\uFEFF");
}
