using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Api.Hosting;

/// <summary>
/// One hot path of the API, run by <see cref="WarmUpService"/> before the process reports ready, so that its code is
/// compiled (and, run often enough, recompiled optimised) before the first official's click needs it. Reads only.
/// </summary>
public interface IWarmUpStep
{
    string Name { get; }

    /// <summary>One run, in a scope of its own as a request has; returns false when there was nothing to read.</summary>
    Task<bool> RunAsync(IServiceProvider services, CancellationToken ct);
}

/// <summary>Whether the warm-up has finished, and which steps found something to read; readiness waits for it.</summary>
public sealed class WarmUpState
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _ran = [];

    public bool IsDone => _done.Task.IsCompleted;
    public Task Done => _done.Task;
    public IReadOnlyList<string> Ran { get { lock (_ran) return [.. _ran]; } }

    internal void Record(string step) { lock (_ran) if (!_ran.Contains(step)) _ran.Add(step); }
    internal void Finish() => _done.TrySetResult();
}

/// <summary>Readiness: unhealthy until the warm-up has run, so a load balancer sends no traffic to a cold process.</summary>
public sealed class WarmUpHealthCheck(WarmUpState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.IsDone
            ? HealthCheckResult.Healthy($"warmed up: {string.Join(", ", state.Ran)}")
            : new HealthCheckResult(context.Registration.FailureStatus, "warming up"));
}
