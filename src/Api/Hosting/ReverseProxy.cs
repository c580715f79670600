using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Api.Hosting;

/// <summary>
/// Behind a load balancer or reverse proxy, the client's address and scheme come from <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c>, believed only from the proxies named in <c>Hosting:KnownProxies</c> (addresses) and
/// <c>Hosting:KnownNetworks</c> (CIDR ranges). None by default: the headers of a request straight from the Internet are ignored.
/// The rate limits then count per real client, and cookies get <c>Secure</c> when the client used HTTPS.
/// </summary>
public static class ReverseProxy
{
    public const string KnownProxiesKey = "Hosting:KnownProxies", KnownNetworksKey = "Hosting:KnownNetworks";

    public static IServiceCollection AddIsoForwardedHeaders(this IServiceCollection services, IConfiguration config)
    {
        var proxies = Values(config, KnownProxiesKey).Select(v => IPAddress.TryParse(v, out var a) ? a
            : throw new InvalidOperationException($"{KnownProxiesKey}: '{v}' is not an IP address")).ToList();
        var networks = Values(config, KnownNetworksKey).Select(v => System.Net.IPNetwork.TryParse(v, out var n) ? n
            : throw new InvalidOperationException($"{KnownNetworksKey}: '{v}' is not a network such as 10.0.0.0/8")).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; here only what the operator names.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
            // A chain of known proxies is walked to the first address that is not one of them: that is the client.
            o.ForwardLimit = null;
        });
        return services;
    }

    /// <summary>A list setting: <c>Key:0</c>, <c>Key:1</c>… (JSON array, <c>Key__0</c> variables) or one comma-separated value.</summary>
    private static IEnumerable<string> Values(IConfiguration config, string key)
    {
        var section = config.GetSection(key);
        var values = section.Value is { } single ? single.Split(',') : section.GetChildren().Select(c => c.Value ?? "");
        return values.Select(v => v.Trim()).Where(v => v.Length > 0);
    }
}
