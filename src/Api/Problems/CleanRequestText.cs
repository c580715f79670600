using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Procedures.Common;

namespace Api.Problems;

/// <summary>
/// The text of query strings, route values and posted forms goes through <see cref="CleanText"/> before any endpoint or
/// page binds it: a control character answers 400 naming the parameter, the rest is normalised (NFC, no invisible
/// characters). JSON bodies get the same rules from <see cref="CleanJsonText"/>.
/// </summary>
public static class CleanRequestText
{
    public static async Task Middleware(HttpContext http, Func<Task> next)
    {
        var request = http.Request;
        if (request.QueryString.HasValue)
        {
            var (refused, cleaned) = Clean(request.Query);
            if (refused is not null) { await Refuse(http, refused); return; }
            if (cleaned is not null) request.Query = new QueryCollection(cleaned);
        }
        foreach (var (key, value) in request.RouteValues.ToList())
        {
            if (value is not string text) continue;
            var singleLine = CleanText.IsSingleLine(key);
            if (CleanText.FirstRefused(text, singleLine) is not null) { await Refuse(http, key); return; }
            request.RouteValues[key] = CleanText.Normalise(text, singleLine);
        }
        if (request.HasFormContentType && request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            request.EnableBuffering();
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(http.RequestAborted);
            }
            catch (InvalidDataException)
            {
                // The framework's form reader refuses a NUL without saying where: read the body again to name the field.
                request.Body.Position = 0;
                var body = await new StreamReader(request.Body).ReadToEndAsync(http.RequestAborted);
                await Refuse(http, Clean(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(body)).Refused ?? "form");
                return;
            }
            var (refused, cleaned) = Clean(form);
            if (refused is not null) { await Refuse(http, refused); return; }
            if (cleaned is not null) http.Features.Set<IFormFeature>(new FormFeature(new FormCollection(cleaned)));
        }
        await next();
    }

    /// <summary>The first refused key, or the values with every text normalised (null when nothing changed).</summary>
    private static (string? Refused, Dictionary<string, StringValues>? Cleaned) Clean(IEnumerable<KeyValuePair<string, StringValues>> values)
    {
        Dictionary<string, StringValues>? cleaned = null;
        var all = values.ToList();
        foreach (var (key, value) in all)
        {
            var singleLine = CleanText.IsSingleLine(key);
            if (CleanText.FirstRefused(key, true) is not null) return ("query", null);
            var texts = value.ToArray();
            for (var i = 0; i < texts.Length; i++)
            {
                if (texts[i] is not { } text) continue;
                if (CleanText.FirstRefused(text, singleLine) is not null) return (key, null);
                var normal = CleanText.Normalise(text, singleLine);
                if (normal == text) continue;
                texts[i] = normal;
                cleaned ??= all.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
                cleaned[key] = new StringValues(texts);
            }
        }
        return (null, cleaned);
    }

    private static Task Refuse(HttpContext http, string field)
    {
        http.RequestServices.GetRequiredService<ILogger<BadRequestExceptionHandler>>()
            .LogWarning("Refused a request with a control character in {Field}", field);
        return Problem.Make(http, StatusCodes.Status400BadRequest, "control-character", ControlCharacter.Detail(http, field), field).ExecuteAsync(http);
    }
}

/// <summary>The words of the control-character problem, in both languages.</summary>
public static class ControlCharacter
{
    public static string Detail(HttpContext http, string field) => Language.Pick(http,
        $"Trường '{field}' chứa ký tự điều khiển không được phép (ví dụ NUL, ESC hoặc xuống dòng trong họ tên, mã số).",
        $"The field '{field}' contains a control character that is not allowed (such as NUL, ESC, or a line break in a name or code).");
}
