using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Procedures.Dossiers;
using Worker.Hosting;

namespace Worker.Sla;

/// <summary>
/// Hangfire on PostgreSQL (schema <c>hangfire</c>) runs the recurring jobs: the SLA sweep and the daily digest, in
/// Vietnam time. Several worker processes may run Hangfire servers; a recurring job fires on one of them, and the
/// jobs are idempotent anyway. <c>Hangfire:Enabled=false</c> leaves Hangfire out (tests that drive the jobs by hand).
/// </summary>
public static class SlaJobs
{
    public const string SweepJobId = "sla-sweep";
    public const string DigestJobId = "daily-digest";
    public const string Schema = "hangfire";

    public static IServiceCollection AddSlaJobs(this IServiceCollection services, IConfiguration config)
    {
        if (!config.GetValue("Hangfire:Enabled", true)) return services;
        services.AddHangfire((sp, c) => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(ConnectionString(sp)),
                new PostgreSqlStorageOptions { SchemaName = Schema, PrepareSchemaIfNecessary = true }));
        services.AddHangfireServer(o =>
        {
            o.WorkerCount = config.GetValue("Hangfire:WorkerCount", 2);
            o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
        });
        services.AddHostedService<RecurringJobsRegistration>();
        return services;
    }

    private static string ConnectionString(IServiceProvider sp) =>
        sp.GetService<DatabaseConnection>()?.ConnectionString ?? sp.GetRequiredService<NpgsqlDataSource>().ConnectionString;
}

/// <summary>Declares the recurring jobs at start (Hangfire keeps one definition per id, so every process may do it).</summary>
public sealed class RecurringJobsRegistration(IRecurringJobManager jobs, SlaSettings settings) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = new RecurringJobOptions { TimeZone = VietnamTime() };
        jobs.AddOrUpdate<SlaSweepJob>(SlaJobs.SweepJobId, j => j.SweepAsync(CancellationToken.None), settings.SweepCron, options);
        jobs.AddOrUpdate<SlaSweepJob>(SlaJobs.DigestJobId, j => j.DigestAsync(CancellationToken.None), settings.DigestCron, options);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static TimeZoneInfo VietnamTime() =>
        TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Ho_Chi_Minh", out var zone) ? zone : TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", Procedures.Common.VietnamTime.Offset, "Vietnam", "Vietnam");
}

/// <summary>What Hangfire calls. A failed run is not retried: the next scheduled run does the same work.</summary>
public sealed class SlaSweepJob(SlaSweep sweep, DailyDigest digest, RecordTimerConsultations consultations, StopUnsuppliedDossiers unsupplied,
    RemindUnsuppliedDossiers reminders)
{
    /// <summary>
    /// First the dossier rules no use case triggers (consultations opened by timers get their rows; dossiers past their
    /// supplement deadline are closed; citizens whose deadline is near are reminded), then the alerts, which then see them.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task SweepAsync(CancellationToken ct)
    {
        await consultations.RecordAsync(ct);
        await unsupplied.HandleAsync(ct: ct);
        await reminders.HandleAsync(ct: ct);
        await sweep.RunAsync(ct);
    }

    [AutomaticRetry(Attempts = 0)]
    public Task DigestAsync(CancellationToken ct) => digest.RunAsync(ct);
}
