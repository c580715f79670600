using Microsoft.Net.Http.Headers;

namespace Api.Problems;

/// <summary>Vietnamese unless the caller's <c>Accept-Language</c> prefers English.</summary>
public static class Language
{
    public static bool IsEnglish(HttpContext http)
    {
        if (http.Items.TryGetValue(typeof(Language), out var cached)) return (bool)cached!;
        var english = false;
        if (StringWithQualityHeaderValue.TryParseList(http.Request.Headers.AcceptLanguage, out var values))
            foreach (var v in values.OrderByDescending(v => v.Quality ?? 1))
            {
                var tag = v.Value.Value ?? "";
                if (tag.StartsWith("vi", StringComparison.OrdinalIgnoreCase)) break;
                if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase)) { english = true; break; }
            }
        http.Items[typeof(Language)] = english;
        return english;
    }

    public static string Pick(HttpContext http, string vi, string en) => IsEnglish(http) ? en : vi;
}
