using Engine.Hosting;
using Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Engine.Timers;

/// <summary>Fires due timers on an interval. Safe to run in several processes at once (rows are claimed with SKIP LOCKED).</summary>
public sealed class TimerPoller(IServiceScopeFactory scopes, IOptions<EngineWorkerOptions> options, ILogger<TimerPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var fired = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().FireDueTimersAsync(options.Value.BatchSize, stoppingToken);
                if (fired > 0) logger.LogInformation("Fired {Count} workflow timers", fired);
                if (fired >= options.Value.BatchSize) continue;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Timer poll failed");
            }
            try { await Task.Delay(options.Value.TimerPollInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
