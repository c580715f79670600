namespace Api.Ui;

/// <summary>Where a "go back to" parameter may send the browser: a path of this site, never another host.</summary>
public static class LocalPath
{
    /// <summary>
    /// <paramref name="path"/> when it is a local path, otherwise <paramref name="fallback"/>. Browsers drop tabs and line
    /// breaks from URLs and read a backslash as a slash, so <c>/\t/evil.example</c> and <c>/\evil.example</c> lead away
    /// as surely as <c>//evil.example</c> does.
    /// </summary>
    public static string OrElse(string? path, string fallback = "/") =>
        path is { Length: > 0 } p && p[0] == '/' && (p.Length == 1 || p[1] is not ('/' or '\\')) && !p.Any(char.IsControl) ? p : fallback;
}
