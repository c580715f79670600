namespace Api.Audit;

/// <summary>
/// Writes one audit row for every request to an audited endpoint, once the answer is known: reads of personal data and
/// change attempts alike, allowed or refused. It runs outside authentication, authorisation, the rate limiter and the
/// endpoint's filters, so a 401, a 403, a 429 or a 400 from validation is recorded as surely as a 200; an exception is
/// recorded as 500 and goes on to the error handler.
/// </summary>
public sealed class AuditMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, AuditTrail trail)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<AuditAction>() is not { } action)
        {
            await next(http);
            return;
        }
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(http);
            status = http.Response.StatusCode;
        }
        finally
        {
            await trail.WriteAsync(http, action.Name, action.ResourceType, Resource(http), status);
        }
    }

    /// <summary>What the request was about: named by the handler, else the route's id, else the unit a list or register is of.</summary>
    private static string? Resource(HttpContext http) =>
        http.Items["audit:resource"] as string
        ?? Route(http, "id") ?? Route(http, "unitId")
        ?? (http.Request.Query.TryGetValue("unitId", out var unit) && unit.Count == 1 ? Truncate(unit[0]) : null);

    private static string? Route(HttpContext http, string key) => http.Request.RouteValues.TryGetValue(key, out var value) ? Truncate(value?.ToString()) : null;

    private static string? Truncate(string? value) => value is { Length: > 100 } ? value[..100] : value;
}
