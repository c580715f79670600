using Engine.Definitions;
using Engine.Hosting;
using Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Benchmarks.Engine;

/// <summary>An embedded PostgreSQL with the engine migrated and a looping definition published.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    public const string LoopDefinition = """
        id: bench-loop
        version: 1
        title: Benchmark loop
        inputs:
          - name: unit
            type: unit
        steps:
          - id: work
            kind: human
            role: clerk
            unit: $unit
            budget: 1d
            actions:
              - name: next
                to: work
              - name: finish
                to: done
          - id: done
            kind: end
            outcome: done
        """;

    private readonly EmbeddedPostgres _postgres;
    private readonly string _folder;

    private BenchDatabase(EmbeddedPostgres postgres, string folder, ServiceProvider services)
    {
        _postgres = postgres;
        _folder = folder;
        Services = services;
    }

    public ServiceProvider Services { get; }
    public NpgsqlDataSource DataSource => Services.GetRequiredService<NpgsqlDataSource>();

    /// <summary>The cluster's folder: its <c>postmaster.pid</c> names the server process.</summary>
    public string DataDirectory => _postgres.DataDirectory;

    public static async Task<BenchDatabase> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "iso-bench-pg-" + Guid.NewGuid().ToString("N")[..8]);
        var postgres = await EmbeddedPostgres.StartAsync(folder, durable: false);
        if (ServerStatistics.PerStatement) postgres = await ServerStatistics.RestartWithStatementsAsync(postgres, folder);
        await postgres.EnsureDatabaseAsync("bench");
        var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddWorkflowEngine(postgres.ConnectionString("bench")).BuildServiceProvider();
        await services.MigrateWorkflowEngineAsync();
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<DefinitionStore>();
        await store.SaveDraftAsync(LoopDefinition, "bench");
        var published = await store.PublishAsync("bench-loop", "bench");
        if (!published.Succeeded) throw new InvalidOperationException(published.Error!.Message);
        return new BenchDatabase(postgres, folder, services);
    }

    /// <summary>Starts one looping instance and returns its open work item.</summary>
    public async Task<Guid> StartLoopAsync(WorkflowRuntime runtime)
    {
        var started = await runtime.StartAsync(new StartInstance("bench-loop", new() { ["unit"] = "unit-1" }, Actor: "bench"));
        return started.Value!.OpenedWorkItems[0].Id;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _postgres.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
