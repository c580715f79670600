using System.Net;
using Engine.Calendar;
using Engine.Outbox;
using Engine.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Procedures.Calendar;
using Tests.Shared;

namespace Worker.Tests;

public sealed class When_the_worker_starts_on_a_configured_database
{
    private WorkerFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new WorkerFactory(new Dictionary<string, string>
        {
            ["ConnectionStrings:Default"] = await TestPostgres.CreateDatabaseAsync("worker_tests"),
            ["Engine:Outbox:MaxAttempts"] = "7",
        });
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Test]
    public async Task Should_serve_liveness_at_health()
    {
        var response = await _client.GetAsync("/health");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Test]
    public async Task Should_be_ready_when_the_database_and_the_bus_answer()
    {
        var response = await _client.GetAsync("/health/ready");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("\"database\"");
        body.ShouldContain("\"masstransit-bus\"");
    }

    [Test]
    public async Task Should_migrate_the_engine_and_the_procedures_schemas()
    {
        await using var command = _factory.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "SELECT count(*) FROM information_schema.schemata WHERE schema_name IN ('engine', 'procedures')");
        (await command.ExecuteScalarAsync()).ShouldBe(2L);
    }

    [Test]
    public void Should_run_the_domain_calendar_as_the_engine_calendar() =>
        _factory.Services.GetRequiredService<IWorkingCalendar>().ShouldBeOfType<CalendarProvider>();

    [Test]
    public void Should_run_the_outbox_dispatcher_and_the_timer_poller()
    {
        var hosted = _factory.Services.GetServices<IHostedService>().ToList();
        hosted.OfType<OutboxDispatcher>().ShouldHaveSingleItem();
        hosted.OfType<TimerPoller>().ShouldHaveSingleItem();
        _factory.Services.GetRequiredService<IOutboxPublisher>().ShouldBeOfType<MassTransitOutboxPublisher>();
    }

    [Test]
    public void Should_take_the_outbox_settings_from_the_engine_outbox_section_and_purge_in_the_background()
    {
        _factory.Services.GetRequiredService<IOptions<OutboxOptions>>().Value.MaxAttempts.ShouldBe(7);
        _factory.Services.GetServices<IHostedService>().OfType<OutboxHousekeeper>().ShouldHaveSingleItem();
    }
}
