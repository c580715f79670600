using Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Api.Dossiers;

/// <summary>
/// <c>ETag</c>/<c>If-Match</c> on dossiers: the tag is the dossier's revision, which every use case increments. The revision
/// an <c>If-Match</c> names travels in the command (<c>ExpectedRevision</c>) and the use case compares it under the row lock
/// it takes anyway, so a stale request never commits; its <c>StaleRevision</c> result answers 412 with the current tag.
/// </summary>
public static class RevisionGuard
{
    public static string Tag(int revision) => $"\"{revision}\"";

    /// <summary>The revision the caller's <c>If-Match</c> names; null when absent or <c>*</c>; -1 when unreadable.</summary>
    public static int? Requested(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*") return null;
        if (EntityTagHeaderValue.TryParse(header.Split(',')[0].Trim(), out var tag) && int.TryParse(tag.Tag.Value?.Trim('"'), out var revision))
            return revision;
        return -1;
    }

    /// <summary>The expected revision of the request (null: none), or a 400 problem when its <c>If-Match</c> cannot be read.</summary>
    public static ProblemHttpResult? Read(HttpContext http, out int? expected)
    {
        expected = Requested(http);
        return expected == -1
            ? Problem.Invalid(http, "If-Match", "bad-if-match", "Giá trị If-Match không hợp lệ.", "The If-Match value is not valid.")
            : null;
    }
}
