using System.Diagnostics;
using System.Runtime;

namespace Api.Hosting;

/// <summary>
/// Runs every <see cref="IWarmUpStep"/> once the server has started (the migrations and sample data are in by then: hosted
/// services start in order) until the JIT has settled: at least <see cref="WarmUpSettings.Rounds"/> rounds (the tiered JIT
/// optimises a method after 30 calls), then on until two rounds in a row compile fewer than
/// <see cref="WarmUpSettings.SettledMethods"/> methods (counted on every thread, so the background recompilation of hot code
/// counts too); then lets <see cref="WarmUpHealthCheck"/> report ready. A step that fails is logged and passed: a cold path
/// is slower, not broken, and readiness must not hang on it. The time is bounded by <see cref="WarmUpSettings.MaxSeconds"/>.
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
            var (compiledAtStart, jitTimeAtStart) = (JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());
            var failed = new HashSet<string>();
            var (rounds, quiet, last) = (0, 0, 0L);
            while (settings.Rounds > 0 && !bounded.IsCancellationRequested && (rounds < settings.Rounds || quiet < 2))
            {
                var before = JitInfo.GetCompiledMethodCount();
                await RoundAsync(failed, bounded);
                rounds++;
                last = JitInfo.GetCompiledMethodCount() - before;
                quiet = last < settings.SettledMethods ? quiet + 1 : 0;
            }
            logger.LogInformation("Warm-up: {Steps}; {Rounds} rounds in {Ms} ms, {Settled}; {Methods} methods compiled meanwhile ({JitMs} ms of JIT), {Last} in the last round",
                string.Join(", ", state.Ran), rounds, (long)watch.Elapsed.TotalMilliseconds, quiet >= 2 ? "the JIT settled" : "stopped before the JIT settled",
                JitInfo.GetCompiledMethodCount() - compiledAtStart, (long)(JitInfo.GetCompilationTime() - jitTimeAtStart).TotalMilliseconds, last);
        }
        finally
        {
            state.Finish();
        }
    }

    /// <summary>Each step once, in a scope of its own; a step that throws is logged and left out of the next rounds.</summary>
    private async Task RoundAsync(HashSet<string> failed, CancellationTokenSource bounded)
    {
        foreach (var step in steps.Where(s => !failed.Contains(s.Name)))
            try
            {
                await using var scope = services.CreateAsyncScope();
                if (await step.RunAsync(scope.ServiceProvider, bounded.Token)) state.Record(step.Name);
            }
            catch (OperationCanceledException) when (bounded.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                failed.Add(step.Name);
                logger.LogWarning(e, "Warm-up: {Step} failed; the API serves it cold", step.Name);
            }
    }

    private Task WhenStartedAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(ct);
    }
}

/// <summary>
/// The <c>WarmUp</c> section: how many times at least each hot path runs before the API reports ready (0: no warm-up), how few
/// methods a round may compile for the JIT to count as settled, and for how long at most it runs.
/// </summary>
public sealed record WarmUpSettings
{
    public const string Section = "WarmUp";
    public int Rounds { get; init; } = 30;
    public int SettledMethods { get; init; } = 20;
    public int MaxSeconds { get; init; } = 20;
}
