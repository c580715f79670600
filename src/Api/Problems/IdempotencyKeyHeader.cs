using Microsoft.AspNetCore.Http.HttpResults;
using Procedures.Common;

namespace Api.Problems;

/// <summary>
/// The <c>Idempotency-Key</c> header of a creation: absent, or 1–200 visible ASCII characters (a UUID per form instance is
/// the usual choice). A retry with the same key answers the first result; the same key with another request is 409.
/// </summary>
public static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";

    /// <summary>The key (null when absent), or a 400 problem naming the header when it is not readable.</summary>
    public static ProblemHttpResult? Read(HttpContext http, out string? key)
    {
        key = null;
        if (!http.Request.Headers.TryGetValue(Name, out var values)) return null;
        var value = values.Count == 1 ? values[0]?.Trim() : null;
        if (string.IsNullOrEmpty(value) || value.Length > IdempotencyKey.MaxLength || value.Any(c => c is < '!' or > '~'))
            return Problem.Invalid(http, Name, "invalid-idempotency-key",
                $"Idempotency-Key phải có từ 1 đến {IdempotencyKey.MaxLength} ký tự ASCII không có khoảng trắng.",
                $"The Idempotency-Key must be 1 to {IdempotencyKey.MaxLength} ASCII characters without spaces.");
        key = value;
        return null;
    }

    /// <summary>Documents the header on a creation endpoint.</summary>
    public static RouteHandlerBuilder AcceptsIdempotencyKey(this RouteHandlerBuilder builder) => builder.ProducesProblem(409)
        .WithMetadata(new IdempotentCreation());
}

/// <summary>Marks an endpoint that takes an <c>Idempotency-Key</c> (listed in the API document).</summary>
public sealed class IdempotentCreation;
