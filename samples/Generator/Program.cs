using Engine.Hosting;
using Generator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Procedures.Hosting;

// Usage: dotnet run -c Release --project samples/Generator -- [load|bench|all] [--dossiers N] [--seed S] [--db CONNECTION] [--data FOLDER]
// Without --db an embedded PostgreSQL is started in --data (kept, so "bench" can run again on the loaded data).
var options = GeneratorOptions.Parse(args);
EmbeddedPostgres? embedded = null;
var connection = options.Connection;
if (connection is null)
{
    embedded = await EmbeddedPostgres.StartAsync(options.DataFolder, durable: false);
    await embedded.EnsureDatabaseAsync("generator");
    connection = embedded.ConnectionString("generator");
}
// Bulk loads and rebuilds run for minutes: no command timeout.
connection = new Npgsql.NpgsqlConnectionStringBuilder(connection) { CommandTimeout = 0 }.ConnectionString;
try
{
    await using var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
        .AddSingleton(TimeProvider.System).AddWorkflowEngine(connection).AddProcedures().BuildServiceProvider();
    await services.MigrateWorkflowEngineAsync();
    await services.MigrateProceduresAsync();
    if (options.Command is "load" or "all") await Load.RunAsync(services, options);
    if (options.Command is "bench" or "all") await DashboardBench.RunAsync(services, options);
}
finally
{
    if (embedded is not null) await embedded.DisposeAsync();
}
