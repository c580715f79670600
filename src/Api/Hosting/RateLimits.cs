using System.Threading.RateLimiting;
using Api.Problems;
using Microsoft.AspNetCore.RateLimiting;

namespace Api.Hosting;

/// <summary>
/// Per-address limits where guessing is the threat: sign-in and account codes, public tracking (code enumeration),
/// the public catalogue. Numbers come from <c>RateLimits:*</c> (permits per minute) so a load test can lift them.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Tracking = "tracking";
    public const string Public = "public";

    public static IServiceCollection AddIsoRateLimits(this IServiceCollection services, IConfiguration config)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignIn, http => PerAddress(http, SignIn, config.GetValue($"RateLimits:{SignIn}", 10)));
            o.AddPolicy(Tracking, http => PerAddress(http, Tracking, config.GetValue($"RateLimits:{Tracking}", 10)));
            o.AddPolicy(Public, http => PerAddress(http, Public, config.GetValue($"RateLimits:{Public}", 300)));
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Problem.Make(http, 429, "rate-limited", Titles.Detail(http, 429)).ExecuteAsync(http);
            };
        });
        return services;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext http, string policy, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter($"{policy}:{http.Connection.RemoteIpAddress}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        });
}
