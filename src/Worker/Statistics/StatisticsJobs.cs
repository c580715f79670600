using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Procedures.Statistics;

namespace Worker.Statistics;

/// <summary>
/// Keeps the statistics summaries current: a recurring Hangfire job (<c>Statistics:RefreshCron</c>, every minute by
/// default) and one refresh at start, after the database initialiser has migrated and seeded, so the dashboards of a
/// fresh deployment are not empty until the first tick. Runs are serialised by the refresher's advisory lock.
/// </summary>
public static class StatisticsJobs
{
    public const string RefreshJobId = "statistics-refresh";

    public static IServiceCollection AddStatisticsJobs(this IServiceCollection services, IConfiguration config)
    {
        if (config.GetValue("Hangfire:Enabled", true))
            services.AddHostedService(sp => new StatisticsJobRegistration(sp.GetRequiredService<IRecurringJobManager>(),
                config.GetValue("Statistics:RefreshCron", Cron.Minutely())!));
        if (config.GetValue("Statistics:RefreshAtStart", true)) services.AddHostedService<StartupStatisticsRefresh>();
        return services;
    }
}

public sealed class StatisticsJobRegistration(IRecurringJobManager jobs, string cron) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<StatisticsRefreshJob>(StatisticsJobs.RefreshJobId, j => j.RefreshAsync(CancellationToken.None), cron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>What Hangfire calls. Not retried: the next minute's run picks up the same changes.</summary>
public sealed class StatisticsRefreshJob(StatisticsRefresher refresher)
{
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task RefreshAsync(CancellationToken ct) => refresher.RefreshStatisticsAsync(ct);
}

/// <summary>The first refresh, in the background so a large first build does not hold the start of the host.</summary>
public sealed class StartupStatisticsRefresh(IServiceScopeFactory scopes, ILogger<StartupStatisticsRefresh> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            var refreshed = await scope.ServiceProvider.GetRequiredService<StatisticsRefresher>().RefreshStatisticsAsync(stoppingToken);
            logger.LogInformation("Statistics refreshed at start: {Refreshed}", refreshed);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping: the recurring job will do it next time.
        }
        catch (Npgsql.NpgsqlException e)
        {
            // A database hiccup at start must not stop the host: the recurring job refreshes again within a minute.
            logger.LogError(e, "Statistics refresh at start failed");
        }
    }
}
