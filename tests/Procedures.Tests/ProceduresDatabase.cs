using Engine.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Hosting;
using Tests.Shared;

namespace Procedures.Tests;

/// <summary>One migrated database (engine and procedures schemas) for the whole assembly; tests empty it between runs.</summary>
[SetUpFixture]
public sealed class ProceduresDatabase
{
    public static string ConnectionString { get; private set; } = "";

    [OneTimeSetUp]
    public async Task CreateAndMigrate()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync("procedures_tests");
        await using var services = new ServiceCollection().AddLogging().AddWorkflowEngine(ConnectionString).AddProcedures().BuildServiceProvider();
        await services.MigrateWorkflowEngineAsync();
        await services.MigrateProceduresAsync();
    }
}
