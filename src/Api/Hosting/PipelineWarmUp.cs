using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Api.Hosting;

/// <summary>
/// The server's own request path (connection, HTTP parsing, middleware, routing, health checks): liveness asked over
/// loopback on the port the server listens on. Nothing to do when it listens nowhere reachable (an in-memory test server).
/// </summary>
public sealed class PipelineWarmUp(IServer server) : IWarmUpStep, IDisposable
{
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(5) };

    public string Name => "request pipeline";

    public async Task<bool> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        if (Loopback() is not { } address) return false;
        try
        {
            using var response = await _client.GetAsync(new Uri(address, "/health"), ct);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException)
        {
            // An address the server names but does not listen on (an in-memory test server keeps its configured URLs).
            return false;
        }
    }

    /// <summary>The first plain-HTTP address, with a wildcard host replaced by loopback.</summary>
    private Uri? Loopback()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal));
        if (address is null) return null;
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::") uri.Host = "127.0.0.1";
        return uri.Uri;
    }

    public void Dispose() => _client.Dispose();
}
