using Engine.Definitions;
using Engine.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Procedures.Calendar;
using Procedures.Hosting;
using Procedures.Persistence;
using Procedures.Samples;

namespace Benchmarks.Procedures;

/// <summary>An embedded PostgreSQL with the engine and domain migrated, the workflow library published and the sample province seeded.</summary>
internal sealed class SampleDatabase : IAsyncDisposable
{
    private readonly EmbeddedPostgres _postgres;
    private readonly string _folder;

    private SampleDatabase(EmbeddedPostgres postgres, string folder, ServiceProvider services) =>
        (_postgres, _folder, Services) = (postgres, folder, services);

    public ServiceProvider Services { get; }
    public string DataDirectory => _postgres.DataDirectory;

    public static async Task<SampleDatabase> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "iso-bench-sample-" + Guid.NewGuid().ToString("N")[..8]);
        var postgres = await EmbeddedPostgres.StartAsync(folder, durable: false);
        await postgres.EnsureDatabaseAsync("bench");
        var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddWorkflowEngine(postgres.ConnectionString("bench")).AddProcedures().BuildServiceProvider();
        await services.MigrateWorkflowEngineAsync();
        await services.MigrateProceduresAsync();
        var root = RepositoryRoot();
        await using (var scope = services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<WorkflowFileLoader>().LoadAsync(Path.Combine(root, "workflows"));
            if (!report.Succeeded) throw new InvalidOperationException(string.Join("\n", report.Problems));
            await SampleData.SeedAsync(scope.ServiceProvider.GetRequiredService<ProceduresDb>(),
                scope.ServiceProvider.GetRequiredService<DefinitionStore>(), NullLogger.Instance,
                services.GetRequiredService<CalendarProvider>(), Path.Combine(root, "samples", "seed"));
        }
        return new SampleDatabase(postgres, folder, services);
    }

    public async Task<Guid> UnitIdAsync(string code)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProceduresDb>().Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Engine.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Engine.sln was not found above " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _postgres.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
