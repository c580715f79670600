using Engine.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Tests.Shared;

namespace Engine.Tests;

/// <summary>One migrated database for the whole engine test assembly; tests empty it between runs.</summary>
[SetUpFixture]
public sealed class EngineDatabase
{
    public static string ConnectionString { get; private set; } = "";

    [OneTimeSetUp]
    public async Task CreateAndMigrate()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync("engine_tests");
        await using var services = new ServiceCollection().AddLogging().AddWorkflowEngine(ConnectionString).BuildServiceProvider();
        await services.MigrateWorkflowEngineAsync();
    }
}
