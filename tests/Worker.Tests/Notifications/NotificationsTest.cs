using Engine.Definitions;
using Engine.Hosting;
using Engine.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Procedures.Calendar;
using Procedures.Hosting;
using Procedures.Persistence;
using Tests.Shared;
using Worker.Notifications;
using Worker.Templates;

namespace Worker.Tests.Notifications;

/// <summary>
/// Base for the notification tests on the real database: emptied schemas, default templates seeded, a movable clock,
/// and the engine, domain and notifications services as the hosts register them (without the bus and Hangfire).
/// </summary>
public abstract class NotificationsTest
{
    /// <summary>Tuesday 2026-03-03 09:00 in Vietnam: a plain working day.</summary>
    protected static readonly DateTimeOffset Tuesday9 = At(2026, 3, 3, 9, 0);

    protected MovableClock Clock { get; private set; } = null!;
    protected ServiceProvider Services { get; private set; } = null!;
    protected string ConnectionString { get; private set; } = "";
    protected NpgsqlDataSource DataSource => Services.GetRequiredService<NpgsqlDataSource>();

    protected static DateTimeOffset At(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    /// <summary>Settings on top of the defaults, e.g. <c>Email:Smtp:Host</c>.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Replaces services after the defaults, e.g. a stand-in channel.</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    [SetUp]
    public async Task CleanDatabaseAndServices()
    {
        ConnectionString = await WorkerDatabase.ConnectionStringAsync();
        await TestPostgres.ResetAsync(ConnectionString, EngineSchema.Name, ProceduresDb.Schema, NotificationsDb.Schema);
        Clock = new MovableClock(Tuesday9);
        var config = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IConfiguration>(config);
        services.AddWorkflowEngine(ConnectionString).AddProcedures().AddNotifications(config);
        services.AddScoped<NotificationsDbAccess>();
        ConfigureServices(services);
        Services = services.BuildServiceProvider();
        await using var scope = Services.CreateAsyncScope();
        await Services.GetRequiredService<CalendarProvider>().ReloadAsync(scope.ServiceProvider.GetRequiredService<ProceduresDb>());
        await DefaultTemplates.SeedAsync(scope.ServiceProvider.GetRequiredService<NotificationsDb>(), Clock);
    }

    [TearDown]
    public async Task DisposeServices() => await Services.DisposeAsync();

    /// <summary>Runs <paramref name="use"/> with a service from a fresh scope, as a request or a job gets one.</summary>
    protected async Task<TResult> With<T, TResult>(Func<T, Task<TResult>> use) where T : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<T>());
    }

    protected async Task<T> Scalar<T>(string sql, params object[] values)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var v in values) command.Parameters.Add(new() { Value = v is DateTimeOffset t ? t.ToUniversalTime() : v });
        return (T)(await command.ExecuteScalarAsync())!;
    }

    protected async Task ExecuteAsync(string sql, params object[] values)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var v in values) command.Parameters.Add(new() { Value = v is DateTimeOffset t ? t.ToUniversalTime() : v });
        await command.ExecuteNonQueryAsync();
    }

    protected async Task PublishAsync(string yaml)
    {
        await using var scope = Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<DefinitionStore>();
        var draft = await store.SaveDraftAsync(yaml, "admin");
        draft.Error.ShouldBeNull();
        (await store.PublishAsync(draft.Value!.DefinitionId, "admin")).Error.ShouldBeNull();
    }
}
