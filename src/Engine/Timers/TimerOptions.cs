namespace Engine.Timers;

/// <summary>How timers, deadline rules and handler calls are retried before they become an incident.</summary>
public sealed class TimerOptions
{
    /// <summary>Attempts before the timer is parked as failed and its incident needs an operator.</summary>
    public int MaxAttempts { get; set; } = 5;
    /// <summary>Wait after the first failure; it doubles after each further one, with ±20 % jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);
    /// <summary>How long a poller calling a handler holds it; a poller that died is replaced after this.</summary>
    public TimeSpan HandlerLease { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Exponential backoff with jitter, so a failing row waits longer each time and retries do not come in waves.</summary>
public static class Backoff
{
    public static TimeSpan Delay(int attempts, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        var exponent = Math.Min(Math.Max(attempts - 1, 0), 30);
        var delay = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, exponent), maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(delay * (0.8 + Random.Shared.NextDouble() * 0.4));
    }
}
