using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Engine.Definitions;
using Engine.Runtime;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tests.Shared;

namespace Api.Tests;

/// <summary>
/// <c>/metrics</c> in Prometheus text: the engine's counters after a transition, and its gauges from the sampler's last
/// read of the outbox. The worker does not run in this API, so rows written to the outbox stay where they are.
/// </summary>
public sealed class When_metrics_are_scraped
{
    private ApiFactory _api = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _api = new ApiFactory(await TestPostgres.CreateDatabaseAsync("api_metrics"), new Dictionary<string, string>
        {
            ["Hosting:RunWorkerInProcess"] = "false", ["Metrics:SampleInterval"] = "00:00:00.200", ["Metrics:AllowedNetworks"] = "10.20.0.0/16, fd00::/8",
        });
        _ = _api.Server;
    }

    [OneTimeTearDown]
    public async Task Stop() => await _api.DisposeAsync();

    [Test]
    public async Task Should_count_an_instance_started_in_the_engines_transitions()
    {
        var before = Value(await ScrapeAsync(), "engine_transitions_total", "operation=\"start\"") ?? 0;
        await using (var scope = _api.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<DefinitionStore>();
            var draft = await store.SaveDraftAsync("id: metered\nversion: 1\ntitle: Đếm\nsteps:\n  - id: done\n    kind: end\n    outcome: done\n", "admin");
            (await store.PublishAsync(draft.Value!.DefinitionId, "admin")).Error.ShouldBeNull();
            (await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().StartAsync(new StartInstance("metered"))).Error.ShouldBeNull();
        }

        // The exporter answers from a copy for a moment (300 ms), so the new figure may take one more scrape.
        var text = await ScrapeUntilAsync(t => Value(t, "engine_transitions_total", "operation=\"start\"") > before);
        text.ShouldContain("# TYPE engine_transitions_total counter");
        Value(text, "engine_transitions_total", "operation=\"start\"").ShouldBe(before + 1);
    }

    [Test]
    public async Task Should_show_a_pending_and_a_parked_outbox_message_once_the_sampler_has_read_them()
    {
        await using (var cmd = _api.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("""
            UPDATE engine.outbox SET dispatched_at = now() WHERE dispatched_at IS NULL;
            INSERT INTO engine.outbox (id, type, payload, created_at, attempts) VALUES (gen_random_uuid(), 'test.pending', '{}', now() - interval '10 minutes', 0);
            INSERT INTO engine.outbox (id, type, payload, created_at, attempts, parked_at, last_error)
            VALUES (gen_random_uuid(), 'test.parked', '{}', now(), 5, now(), 'refused by the broker')
            """))
            await cmd.ExecuteNonQueryAsync();

        (await _api.CreateClient().GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await ScrapeUntilAsync(t => Value(t, "engine_outbox_parked") is 1);

        Value(text, "engine_outbox_parked").ShouldBe(1);
        Value(text, "engine_outbox_pending").ShouldBe(1);
        Value(text, "engine_outbox_oldest_pending_age_seconds")!.Value.ShouldBeGreaterThanOrEqualTo(600);
        Value(text, "engine_timers_lag_seconds").ShouldBe(0);
        Value(text, "engine_incidents_open", "status=\"Open\"").ShouldBe(0);
        text.ShouldContain("http_server_request_duration_seconds");
    }

    [TestCase("203.0.113.9", HttpStatusCode.Forbidden)]
    [TestCase("10.21.0.1", HttpStatusCode.Forbidden)]
    [TestCase("10.20.3.4", HttpStatusCode.OK)]
    [TestCase("::ffff:10.20.3.4", HttpStatusCode.OK)]
    [TestCase("fd00::17", HttpStatusCode.OK)]
    [TestCase("127.0.0.1", HttpStatusCode.OK)]
    [TestCase("::1", HttpStatusCode.OK)]
    public async Task Should_answer_only_this_machine_and_the_allowed_networks(string address, HttpStatusCode expected)
    {
        var context = await _api.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/metrics";
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
        });
        ((HttpStatusCode)context.Response.StatusCode).ShouldBe(expected);
    }

    private async Task<string> ScrapeAsync()
    {
        var response = await _api.CreateClient().GetAsync("/metrics");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Scrapes until <paramref name="done"/> holds, for at most 15 seconds; returns the last answer.</summary>
    private async Task<string> ScrapeUntilAsync(Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var text = await ScrapeAsync();
        while (!done(text) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            text = await ScrapeAsync();
        }
        return text;
    }

    /// <summary>The value of the first sample of <paramref name="name"/> whose labels contain <paramref name="label"/>, or null.</summary>
    private static double? Value(string text, string name, string label = "")
    {
        foreach (Match m in Regex.Matches(text, $@"^{Regex.Escape(name)}(\{{[^}}]*\}})? (\S+)", RegexOptions.Multiline))
            if (m.Groups[1].Value.Contains(label, StringComparison.Ordinal))
                return double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        return null;
    }
}
