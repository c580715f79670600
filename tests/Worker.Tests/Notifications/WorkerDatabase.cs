using Engine.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Hosting;
using Tests.Shared;
using Worker.Notifications;

namespace Worker.Tests.Notifications;

/// <summary>One database with the engine, procedures and notifications schemas migrated, made on first use and shared by the assembly's tests.</summary>
public static class WorkerDatabase
{
    private static readonly Lazy<Task<string>> Database = new(CreateAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Task<string> ConnectionStringAsync() => Database.Value;

    private static async Task<string> CreateAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("worker_notifications");
        await using var services = new ServiceCollection().AddLogging().AddWorkflowEngine(connectionString).AddProcedures()
            .AddNotifications(new ConfigurationBuilder().Build()).BuildServiceProvider();
        await services.MigrateWorkflowEngineAsync();
        await services.MigrateProceduresAsync();
        await services.MigrateNotificationsAsync();
        return connectionString;
    }
}
