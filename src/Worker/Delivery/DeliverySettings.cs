using Microsoft.Extensions.Configuration;

namespace Worker.Delivery;

/// <summary>The <c>Delivery</c> section: how often the dispatcher looks, how many it takes, and how it backs off after a failure.</summary>
public sealed record DeliverySettings
{
    public const string Section = "Delivery";

    public bool Enabled { get; init; } = true;
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);
    public int BatchSize { get; init; } = 50;
    /// <summary>How long a dispatcher owns a claimed message; after that (a crashed process) another one may send it.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);
    public int MaxAttempts { get; init; } = 5;
    /// <summary>Wait after the first failure; doubled after each further one (1 min, 2, 4, 8 by default).</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMinutes(1);
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromHours(2);

    public TimeSpan RetryDelay(int attemptsSoFar)
    {
        var factor = Math.Pow(2, Math.Clamp(attemptsSoFar - 1, 0, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(FirstRetryDelay.Ticks * factor, MaxRetryDelay.Ticks));
        return delay;
    }

    public static DeliverySettings From(IConfiguration config) => config.GetSection(Section).Get<DeliverySettings>() ?? new DeliverySettings();
}
