using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Worker.Hosting;

/// <summary>
/// Who may read <c>/metrics</c>: this machine (loopback, or a connection without an IP address: in-process or a Unix
/// socket) and the networks of <see cref="ConfigKey"/> (CIDR, e.g. the Prometheus servers' subnet); anyone else gets 403.
/// The figures name no person, but they tell an outsider how busy and how healthy the system is.
/// </summary>
public sealed class MetricsAccess(IReadOnlyList<IPNetwork> allowed)
{
    public const string ConfigKey = "Metrics:AllowedNetworks";

    public IReadOnlyList<IPNetwork> AllowedNetworks => allowed;

    /// <summary>The networks from configuration: a list, or one text separated by commas or spaces. A bad entry stops the start.</summary>
    public static MetricsAccess From(IConfiguration config)
    {
        var section = config.GetSection(ConfigKey);
        var entries = section.GetChildren().Select(c => c.Value ?? "")
            .Concat((section.Value ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
            .Select(e => e.Trim()).Where(e => e.Length > 0);
        var networks = new List<IPNetwork>();
        foreach (var entry in entries)
            networks.Add(IPNetwork.TryParse(entry, out var network) ? network
                : throw new InvalidOperationException($"{ConfigKey}: '{entry}' is not a network in CIDR notation (e.g. 10.0.0.0/8 or fd00::/8)."));
        return new MetricsAccess(networks);
    }

    public bool Allows(IPAddress? address)
    {
        if (address is null) return true;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return IPAddress.IsLoopback(address) || allowed.Any(n => n.Contains(address));
    }

    /// <summary>Middleware in front of the scraping endpoint.</summary>
    public Task GateAsync(HttpContext http, Func<Task> next)
    {
        if (Allows(http.Connection.RemoteIpAddress)) return next();
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
