using Microsoft.Extensions.Options;

namespace Engine.Outbox;

/// <summary>Refuses settings that would stop the outbox or break deduplication, so a host fails at start rather than later.</summary>
public sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions o)
    {
        var problems = new List<string>();
        if (o.BatchSize < 1) problems.Add($"{nameof(o.BatchSize)} must be at least 1.");
        if (o.PublishConcurrency < 1) problems.Add($"{nameof(o.PublishConcurrency)} must be at least 1.");
        if (o.PurgeBatchSize < 1) problems.Add($"{nameof(o.PurgeBatchSize)} must be at least 1.");
        if (o.MaxAttempts < 1) problems.Add($"{nameof(o.MaxAttempts)} must be at least 1.");
        if (o.PollInterval <= TimeSpan.Zero || o.PurgeInterval <= TimeSpan.Zero || o.Lease <= TimeSpan.Zero)
            problems.Add($"{nameof(o.PollInterval)}, {nameof(o.PurgeInterval)} and {nameof(o.Lease)} must be positive.");
        if (o.BaseDelay <= TimeSpan.Zero || o.MaxDelay < o.BaseDelay)
            problems.Add($"{nameof(o.BaseDelay)} must be positive and not above {nameof(o.MaxDelay)}.");
        if (o.SentRetention <= TimeSpan.Zero) problems.Add($"{nameof(o.SentRetention)} must be positive.");
        // A consumer must remember a message id for as long as the message could still reach it again.
        if (o.ProcessedRetention <= o.SentRetention)
            problems.Add($"{nameof(o.ProcessedRetention)} must be longer than {nameof(o.SentRetention)}.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
