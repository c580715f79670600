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
            foreach (var policy in (string[])[SignIn, Tracking, Public])
                o.AddPolicy(policy, http => PerAddress(http, policy, PerMinute(config, policy)));
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

    /// <summary>Permits a minute per client address for a policy: <c>RateLimits:{policy}</c>, else 10 (300 for the catalogue).</summary>
    public static int PerMinute(IConfiguration config, string policy) => config.GetValue($"RateLimits:{policy}", policy == Public ? 300 : 10);

    private static RateLimitPartition<string> PerAddress(HttpContext http, string policy, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter($"{policy}:{http.Connection.RemoteIpAddress}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        });
}
