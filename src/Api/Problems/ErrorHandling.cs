using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Problems;

/// <summary>
/// Requests the framework cannot read (malformed JSON, a string where a number belongs, an unparsable route or
/// query value, a body too large) become a 400/413 problem naming the field, instead of an empty 400.
/// Everything else unexpected stays a 500 without details. The client's mistake is logged as a warning without the
/// exception: its stack trace says nothing about the server.
/// </summary>
public sealed partial class BadRequestExceptionHandler(ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;
        ProblemHttpResult result;
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
            result = Problem.Make(http, 413, "too-large", Titles.Detail(http, 413));
        else if (bad.InnerException is UncleanTextException unclean)
        {
            var field = FieldOf(unclean.Path) ?? "body";
            result = Problem.Make(http, 400, "control-character", ControlCharacter.Detail(http, field), field);
        }
        else if (bad.InnerException is JsonException json)
        {
            var field = FieldOf(json.Path);
            result = Problem.Make(http, 400, "malformed-json",
                Language.Pick(http, $"Dữ liệu JSON không hợp lệ{(field is null ? "" : $" tại '{field}'")}: sai cú pháp hoặc sai kiểu dữ liệu.",
                    $"The JSON is not valid{(field is null ? "" : $" at '{field}'")}: bad syntax or a value of the wrong type."), field ?? "body");
        }
        else if (bad.Message.Contains("Implicit body inferred", StringComparison.Ordinal) || bad.Message.Contains("Required parameter", StringComparison.Ordinal) && bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
            result = Problem.Make(http, 400, "body-required", Language.Pick(http, "Thiếu dữ liệu yêu cầu (JSON).", "The request body (JSON) is required."), "body");
        else if (Parameter().Match(bad.Message) is { Success: true } m)
        {
            var name = m.Groups["name"].Value;
            result = Problem.Make(http, 400, "bad-parameter",
                Language.Pick(http, $"Giá trị của '{name}' không hợp lệ.", $"The value of '{name}' is not valid."), name);
        }
        else result = Problem.Make(http, 400, "bad-request", Language.Pick(http, "Yêu cầu không đọc được.", "The request could not be read."));
        var problem = result.ProblemDetails;
        logger.LogWarning("Refused a request that could not be read: {Status} {Code} at {Field}", problem.Status, problem.Extensions["code"],
            problem.Extensions.TryGetValue("field", out var f) ? f : null);
        await result.ExecuteAsync(http);
        return true;
    }

    /// <summary><c>$.applicant.fullName</c> → <c>applicant.fullName</c>.</summary>
    private static string? FieldOf(string? path) => string.IsNullOrEmpty(path) || path == "$" ? null : path.TrimStart('$', '.');

    [GeneratedRegex("parameter \"(?:[^\"]*? )?(?<name>[A-Za-z0-9_]+)\"")]
    private static partial Regex Parameter();
}
