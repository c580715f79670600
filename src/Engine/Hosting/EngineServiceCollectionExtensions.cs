using Engine.Calendar;
using Engine.Definitions;
using Engine.Metrics;
using Engine.Outbox;
using Engine.Persistence;
using Engine.Queries;
using Engine.Runtime;
using Engine.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Engine.Hosting;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// The data source every context and query shares. Unless the connection string says otherwise, statements run
    /// again and again (dossier reads, inboxes, tracking, transitions) are prepared on each pooled connection after
    /// their second use, so the server parses and plans them once instead of on every request; and a connection going
    /// back to the pool is not reset (seven statements the server ran for every open and close, 26 % of its CPU time
    /// per dossier read). Nothing here leaves session state behind: advisory locks are released explicitly, temporary
    /// tables are emptied on commit, and no statement changes a setting for the session.
    /// </summary>
    public static NpgsqlDataSource BuildDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0) builder.ConnectionStringBuilder.MaxAutoPrepare = 100;
        if (!Names(connectionString, "NoResetOnClose")) builder.ConnectionStringBuilder.NoResetOnClose = true;
        return builder.Build();
    }

    /// <summary>Whether the connection string sets <paramref name="key"/> itself, in any spelling Npgsql accepts.</summary>
    private static bool Names(string connectionString, string key) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals(key, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Registers the engine on PostgreSQL: data source, its database context (internal), runtime, definition store,
    /// queries. The calendar defaults to <see cref="WeekdayCalendar"/> and the clock to the system clock
    /// unless registered before.
    /// </summary>
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(_ => BuildDataSource(connectionString));
        services.AddDbContextPool<EngineDb>((sp, o) => ((DbContextOptionsBuilder<EngineDb>)o).UseEngineNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton<IWorkingCalendar>(WeekdayCalendar.Default);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StepHandlerRegistry>();
        services.AddOptions<TimerOptions>();
        services.TryAddSingleton<DefinitionCache>();
        services.TryAddSingleton<OutboxTypeMap>();
        services.TryAddScoped<WorkflowRuntime>();
        services.TryAddScoped(sp => new DefinitionStore(sp.GetRequiredService<EngineDb>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<StepHandlerRegistry>(), sp.GetRequiredService<DefinitionCache>(), sp.GetService<DeclaredRoles>()));
        services.TryAddScoped(sp => new WorkflowFileLoader(sp.GetRequiredService<EngineDb>(), sp.GetRequiredService<DefinitionStore>(),
            sp.GetRequiredService<ILogger<WorkflowFileLoader>>()));
        services.TryAddScoped(sp => new WorkItemQueries(sp.GetRequiredService<EngineDb>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddScoped(sp => new InstanceQueries(sp.GetRequiredService<EngineDb>()));
        services.TryAddScoped(sp => new Incidents.Incidents(sp.GetRequiredService<EngineDb>(), sp.GetRequiredService<WorkflowRuntime>()));
        services.TryAddScoped<VersionMigration.InstanceMigration>();
        services.TryAddSingleton<OutboxDispatcher>();
        services.TryAddSingleton<OutboxPurge>();
        services.TryAddScoped(sp => new ParkedMessages(sp.GetRequiredService<EngineDb>(), sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<TimerPoller>();
        services.AddMetrics();
        services.TryAddSingleton<EngineMetrics>();
        return services;
    }

    /// <summary>
    /// Samples the engine's gauges (outbox, timers, incidents) in this process. The figures are the database's, the same
    /// from every process that samples them; each sample is one query every <see cref="EngineMetricsOptions.SampleInterval"/>.
    /// </summary>
    public static IServiceCollection AddWorkflowEngineMetrics(this IServiceCollection services, Action<EngineMetricsOptions>? configure = null)
    {
        services.AddOptions<EngineMetricsOptions>().Configure(o => configure?.Invoke(o));
        services.TryAddSingleton<EngineMetricsSampler>();
        services.AddHostedService(sp => sp.GetRequiredService<EngineMetricsSampler>());
        return services;
    }

    /// <summary>
    /// Runs the timer poller, the outbox dispatcher and the outbox housekeeping in this process (Worker, or the embedded
    /// single process). Outbox settings that do not hold stop the host at start.
    /// </summary>
    public static IServiceCollection AddWorkflowEngineWorkers(this IServiceCollection services, Action<EngineWorkerOptions>? configure = null,
        Action<OutboxOptions>? outbox = null)
    {
        services.AddOptions<EngineWorkerOptions>().Configure(o => configure?.Invoke(o));
        services.AddOptions<OutboxOptions>().Configure(o => outbox?.Invoke(o)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>());
        services.AddHostedService(sp => sp.GetRequiredService<TimerPoller>());
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddHostedService<OutboxHousekeeper>();
        return services;
    }

    /// <summary>Registers a handler that automatic steps call by <paramref name="name"/>.</summary>
    public static IServiceCollection AddWorkflowHandler<THandler>(this IServiceCollection services, string name) where THandler : class, IStepHandler
    {
        services.TryAddSingleton<StepHandlerRegistry>();
        services.AddScoped<THandler>();
        services.AddSingleton(new HandlerRegistration(name, typeof(THandler)));
        return services;
    }

    /// <summary>
    /// Declares the roles a step (or a deadline escalation) may name: drafts and publications naming any other are
    /// refused with the problem at its path. Declaring again replaces the set.
    /// </summary>
    public static IServiceCollection AddWorkflowRoles(this IServiceCollection services, IEnumerable<string> roles)
    {
        services.Replace(ServiceDescriptor.Singleton(new DeclaredRoles(roles.ToHashSet(StringComparer.Ordinal))));
        return services;
    }

    /// <summary>Applies the engine's migrations (EF takes a database lock, so concurrent starts are safe).</summary>
    public static async Task MigrateWorkflowEngineAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EngineDb>().Database.MigrateAsync(ct);
    }
}

public sealed class EngineWorkerOptions
{
    public TimeSpan TimerPollInterval { get; set; } = TimeSpan.FromSeconds(5);
    public int BatchSize { get; set; } = 100;
}
