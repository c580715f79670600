using System.Diagnostics;

namespace Api.Hosting;

/// <summary>
/// Runs every <see cref="IWarmUpStep"/> <see cref="WarmUpSettings.Rounds"/> times once the server has started (the
/// migrations and sample data are in by then: hosted services start in order), then lets <see cref="WarmUpHealthCheck"/>
/// report ready. A step that fails is logged and passed: a cold path is slower, not broken, and readiness must not
/// hang on it. The time is bounded by <see cref="WarmUpSettings.MaxSeconds"/>.
/// </summary>
public sealed class WarmUpService(IServiceProvider services, IEnumerable<IWarmUpStep> steps, WarmUpState state, WarmUpSettings settings,
    IHostApplicationLifetime lifetime, ILogger<WarmUpService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WhenStartedAsync(stoppingToken);
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            bounded.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, settings.MaxSeconds)));
            var watch = Stopwatch.StartNew();
            var failed = new HashSet<string>();
            for (var round = 0; round < Math.Max(0, settings.Rounds) && !bounded.IsCancellationRequested; round++)
                foreach (var step in steps.Where(s => !failed.Contains(s.Name)))
                    try
                    {
                        await using var scope = services.CreateAsyncScope();
                        if (await step.RunAsync(scope.ServiceProvider, bounded.Token)) state.Record(step.Name);
                    }
                    catch (OperationCanceledException) when (bounded.IsCancellationRequested) { break; }
                    catch (Exception e)
                    {
                        failed.Add(step.Name);
                        logger.LogWarning(e, "Warm-up: {Step} failed; the API serves it cold", step.Name);
                    }
            logger.LogInformation("Warm-up: {Steps} in {Ms} ms", string.Join(", ", state.Ran), (long)watch.Elapsed.TotalMilliseconds);
        }
        finally
        {
            state.Finish();
        }
    }

    private Task WhenStartedAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(ct);
    }
}

/// <summary>The <c>WarmUp</c> section: how many times each hot path runs before the API reports ready (0: none), and for how long at most.</summary>
public sealed record WarmUpSettings
{
    public const string Section = "WarmUp";
    public int Rounds { get; init; } = 30;
    public int MaxSeconds { get; init; } = 20;
}
