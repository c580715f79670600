namespace Engine.Outbox;

/// <summary>
/// How the outbox dispatcher works, retries and cleans up (configuration section <c>Engine:Outbox</c> in the hosts).
/// A failed publish is retried after <see cref="BaseDelay"/>, doubled after each further failure up to
/// <see cref="MaxDelay"/>; after <see cref="MaxAttempts"/> failures the message is parked for an operator.
/// </summary>
public sealed class OutboxOptions
{
    public const string Section = "Engine:Outbox";

    /// <summary>Rows one claim takes.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Wait between claims when the last one found nothing to publish.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Instances whose rows one dispatcher publishes at once; the rows of one instance always go one after another.</summary>
    public int PublishConcurrency { get; set; } = 4;

    /// <summary>Failed attempts after which a message is parked (dead-lettered).</summary>
    public int MaxAttempts { get; set; } = 10;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a claim holds its rows; after it (a crashed dispatcher) another dispatcher takes them over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sent and discarded rows are deleted after this long.</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Consumers' records of handled messages are deleted after this long; longer than <see cref="SentRetention"/>.</summary>
    public TimeSpan ProcessedRetention { get; set; } = TimeSpan.FromDays(14);

    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows one purge statement deletes, so no statement holds its locks for long.</summary>
    public int PurgeBatchSize { get; set; } = 1000;

    /// <summary>
    /// The wait before the next attempt after <paramref name="failedAttempts"/> failures: exponential, capped, and up to
    /// a fifth shorter at random so dispatchers that failed together (a broker outage) do not all retry at once. The
    /// jitter never makes a delay shorter than the previous one's cap, so delays keep growing until the cap.
    /// </summary>
    public TimeSpan RetryDelay(int failedAttempts, double random)
    {
        var exponential = BaseDelay.Ticks * Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        var capped = Math.Min(exponential, MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)(capped * (1 - 0.2 * Math.Clamp(random, 0, 1))));
    }
}
