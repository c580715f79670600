using Api.Accounts;
using Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Worker.Hosting;

namespace Api.Hosting;

/// <summary>
/// Runs after the shared <see cref="DatabaseInitializer"/> (hosted services start in order): applies the API's
/// migrations (accounts, clients, audit, attachments) and, where sample data is seeded, the demo accounts.
/// </summary>
public sealed class ApiDatabaseInitializer(IServiceProvider services, IConfiguration configuration, DatabaseConnection database,
    ILogger<ApiDatabaseInitializer> logger) : IHostedService
{
    public const string SeedKey = "Accounts:SeedDemo";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await Engine.Hosting.MigrationLock.RunAsync(scope.ServiceProvider.GetRequiredService<Npgsql.NpgsqlDataSource>(),
            () => scope.ServiceProvider.GetRequiredService<ApiDb>().Database.MigrateAsync(cancellationToken), cancellationToken);
        var samples = configuration.GetValue("Samples:Seed", database.Mode == DatabaseMode.Embedded);
        if (configuration.GetValue(SeedKey, samples))
            await DemoAccounts.SeedAsync(scope.ServiceProvider, logger, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
