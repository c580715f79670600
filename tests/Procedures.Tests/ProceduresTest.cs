using Engine.Definitions;
using Engine.Hosting;
using Engine.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Procedures.Calendar;
using Procedures.Hosting;
using Procedures.Persistence;
using Tests.Shared;

namespace Procedures.Tests;

/// <summary>Base for domain tests on the real database: clean schemas, a movable clock, engine and domain services.</summary>
public abstract class ProceduresTest
{
    /// <summary>Tuesday 2026-03-03 09:00 in Vietnam: a plain working day.</summary>
    protected static readonly DateTimeOffset Tuesday9 = new(2026, 3, 3, 9, 0, 0, TimeSpan.FromHours(7));

    protected MovableClock Clock { get; private set; } = null!;
    protected ServiceProvider Services { get; private set; } = null!;
    private AsyncServiceScope _scope;

    protected IServiceProvider Scoped => _scope.ServiceProvider;
    protected ProceduresDb Db => Scoped.GetRequiredService<ProceduresDb>();
    protected NpgsqlDataSource DataSource => Services.GetRequiredService<NpgsqlDataSource>();

    protected virtual void Configure(IServiceCollection services) { }

    [SetUp]
    public async Task CleanDatabaseAndServices()
    {
        await TestPostgres.ResetAsync(ProceduresDatabase.ConnectionString, EngineSchema.Name, ProceduresDb.Schema);
        Clock = new MovableClock(Tuesday9);
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddWorkflowEngine(ProceduresDatabase.ConnectionString).AddProcedures();
        Configure(services);
        Services = services.BuildServiceProvider();
        _scope = Services.CreateAsyncScope();
        await Services.GetRequiredService<CalendarProvider>().ReloadAsync(Db);
    }

    [TearDown]
    public async Task DisposeServices()
    {
        await _scope.DisposeAsync();
        await Services.DisposeAsync();
    }

    /// <summary>A new scope, as a separate request would have.</summary>
    protected AsyncServiceScope NewScope() => Services.CreateAsyncScope();

    /// <summary>Publishes a definition from YAML text.</summary>
    protected async Task PublishAsync(string yaml)
    {
        var store = Scoped.GetRequiredService<DefinitionStore>();
        var draft = await store.SaveDraftAsync(yaml, "admin");
        draft.Error.ShouldBeNull();
        (await store.PublishAsync(draft.Value!.DefinitionId, "admin")).Error.ShouldBeNull();
    }
}
