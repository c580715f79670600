using System.Threading.RateLimiting;
using Api.Hosting;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Api.Ui;

/// <summary>
/// Tracking from the portal page is limited like <c>POST /api/v1/public/tracking</c>: <c>RateLimits:tracking</c> look-ups
/// a minute per client address, so the page cannot be used to enumerate dossier codes and second factors.
/// </summary>
public sealed class UiTrackingLimiter(IConfiguration config) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = config.GetValue($"RateLimits:{RateLimits.Tracking}", 10), Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        }));

    public bool TryAcquire(string client)
    {
        using var lease = _limiter.AttemptAcquire(client);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>The browser a circuit serves: its address when the connection shows one, else the circuit itself.</summary>
public sealed class UiClient
{
    public string Key { get; set; } = "circuit:" + Guid.NewGuid().ToString("N");
}

/// <summary>Records the client address of a circuit's connection when the circuit opens.</summary>
public sealed class UiClientCircuitHandler(UiClient client, IHttpContextAccessor accessor) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext?.Connection.RemoteIpAddress is { } address) client.Key = "address:" + address;
        return Task.CompletedTask;
    }
}
