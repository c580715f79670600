using System.Threading.RateLimiting;
using Api.Hosting;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Api.Ui;

/// <summary>
/// The pages where guessing is the threat are limited like their endpoints, per client address and policy of
/// <see cref="RateLimits"/>: tracking (<c>RateLimits:tracking</c>, so the page cannot be used to enumerate dossier codes
/// and second factors), sign-in and registration (<c>RateLimits:sign-in</c>, passwords and verification codes).
/// </summary>
public sealed class UiRateLimiter(IConfiguration config) : IDisposable
{
    private readonly PartitionedRateLimiter<(string Policy, string Client)> _limiter =
        PartitionedRateLimiter.Create<(string Policy, string Client), (string Policy, string Client)>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = RateLimits.PerMinute(config, key.Policy), Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
            }));

    /// <summary>Takes one permit of <paramref name="policy"/> for <paramref name="client"/>; false when the minute's permits are used.</summary>
    public bool TryAcquire(string policy, string client)
    {
        using var lease = _limiter.AttemptAcquire((policy, client));
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
