using Engine.Definitions;
using Engine.Hosting;
using Engine.Persistence;
using Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tests.Shared;

namespace Engine.Tests;

/// <summary>Base for tests on the real database: a clean schema, a movable clock and the engine's services.</summary>
public abstract class EngineTest
{
    /// <summary>Monday 2026-03-02 09:00 at UTC+7: inside office hours of the default calendar.</summary>
    protected static readonly DateTimeOffset Monday9 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    protected MovableClock Clock { get; private set; } = null!;
    protected ServiceProvider Services { get; private set; } = null!;
    private AsyncServiceScope _scope;

    protected WorkflowRuntime Runtime => _scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
    protected DefinitionStore Store => _scope.ServiceProvider.GetRequiredService<DefinitionStore>();
    private protected EngineDb Db => _scope.ServiceProvider.GetRequiredService<EngineDb>();
    protected NpgsqlDataSource DataSource => Services.GetRequiredService<NpgsqlDataSource>();

    protected virtual void Configure(IServiceCollection services) { }

    [SetUp]
    public async Task CleanDatabaseAndServices()
    {
        await TestPostgres.ResetAsync(EngineDatabase.ConnectionString, EngineDb.Schema);
        Clock = new MovableClock(Monday9);
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        Configure(services);
        services.AddWorkflowEngine(EngineDatabase.ConnectionString);
        Services = services.BuildServiceProvider();
        _scope = Services.CreateAsyncScope();
    }

    [TearDown]
    public async Task DisposeServices()
    {
        await _scope.DisposeAsync();
        await Services.DisposeAsync();
    }

    /// <summary>A new scope, as a separate request or process would have.</summary>
    protected AsyncServiceScope NewScope() => Services.CreateAsyncScope();

    protected async Task<DefinitionVersionInfo> PublishAsync(string yaml)
    {
        var draft = await Store.SaveDraftAsync(yaml, "admin");
        draft.Error.ShouldBeNull();
        var published = await Store.PublishAsync(draft.Value!.DefinitionId, "admin");
        published.Error.ShouldBeNull();
        return published.Value!;
    }

    protected async Task<TransitionResult> StartAsync(string definitionId, object? variables = null, int? version = null)
    {
        var vars = variables is null ? null : System.Text.Json.JsonSerializer.SerializeToNode(variables)!.AsObject();
        var result = await Runtime.StartAsync(new StartInstance(definitionId, vars, version, BusinessKey: "BK-1", Actor: "starter"));
        result.Error.ShouldBeNull();
        return result.Value!;
    }

    protected async Task<TransitionResult> CompleteAsync(Guid workItemId, string action, string actor, string? comment = null, object? data = null)
    {
        var result = await Runtime.CompleteAsync(new CompleteWorkItem(workItemId, action, actor, comment,
            data is null ? null : System.Text.Json.JsonSerializer.SerializeToNode(data)!.AsObject()));
        result.Error.ShouldBeNull();
        return result.Value!;
    }

    protected async Task<long> CountAsync(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
