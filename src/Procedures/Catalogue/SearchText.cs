using System.Globalization;
using System.Text;

namespace Procedures.Catalogue;

/// <summary>
/// Vietnamese text folded for searching: diacritics removed (đ → d as well, which Unicode does not decompose),
/// lower-case, words separated by single spaces. "Đăng ký khai sinh" and "dang ky  KHAI sinh" fold the same.
/// Done in C# rather than with PostgreSQL's <c>unaccent</c>, an extension a server may not have.
/// </summary>
public static class SearchText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (!char.IsLetterOrDigit(c)) { pendingSpace = builder.Length > 0; continue; }
            if (pendingSpace) { builder.Append(' '); pendingSpace = false; }
            builder.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>The words of a query, folded, each to be found in the procedure's search text.</summary>
    public static IReadOnlyList<string> Words(string? query) =>
        Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
}
