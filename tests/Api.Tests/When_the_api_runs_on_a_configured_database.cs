using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Engine.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tests.Shared;
using Worker.Hosting;

namespace Api.Tests;

public sealed class When_the_api_runs_on_a_configured_database
{
    private ApiFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new ApiFactory(await TestPostgres.CreateDatabaseAsync("api_tests"));
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
    public async Task Should_be_ready_when_the_database_answers()
    {
        var response = await _client.GetAsync("/health/ready");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        report.GetProperty("status").GetString().ShouldBe("Healthy");
        report.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ShouldContain("database");
    }

    [Test]
    public async Task Should_describe_the_system_as_json()
    {
        var response = await _client.GetAsync("/api/v1/system/info");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var info = await response.Content.ReadFromJsonAsync<JsonElement>();
        info.GetProperty("product").GetString().ShouldBe("ISO điện tử");
        info.GetProperty("version").GetString().ShouldNotBeNullOrWhiteSpace();
        info.GetProperty("databaseMode").GetString().ShouldBe("external");
        info.GetProperty("publishedWorkflowDefinitions").GetInt32().ShouldBeGreaterThanOrEqualTo(0);
    }

    [Test]
    public async Task Should_keep_vietnamese_text_readable_in_json()
    {
        var body = await _client.GetStringAsync("/api/v1/system/info");
        body.ShouldContain("\"ISO điện tử\"");
    }

    [Test]
    public async Task Should_serve_the_openapi_document()
    {
        var response = await _client.GetAsync("/openapi/v1.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();
        document.GetProperty("paths").TryGetProperty("/api/v1/system/info", out _).ShouldBeTrue();
    }

    [Test]
    public async Task Should_serve_the_api_reference_at_scalar()
    {
        var response = await _client.GetAsync("/scalar/v1");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Should_answer_an_unknown_api_path_with_problem_json()
    {
        var response = await _client.GetAsync("/api/v1/nope");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().ShouldBe(404);
    }

    [Test]
    public async Task Should_answer_a_failure_with_problem_json_without_exception_details()
    {
        var response = await _client.GetAsync(FailingEndpoint.Path);
        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var body = await response.Content.ReadAsStringAsync();
        JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32().ShouldBe(500);
        body.ShouldNotContain(FailingEndpoint.Secret);
        body.ShouldNotContain(nameof(InvalidOperationException));
        body.ShouldNotContain(" at ");
    }

    [Test]
    public async Task Should_serve_a_vietnamese_home_page()
    {
        var response = await _client.GetAsync("/");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<title>ISO điện tử — Hệ thống quản lý hồ sơ thủ tục hành chính</title>");
        html.ShouldContain("href=\"/scalar\"");
        html.ShouldContain("href=\"/health\"");
    }

    [Test]
    public void Should_run_the_worker_services_in_process_by_default()
    {
        _factory.Services.GetService<IOutboxPublisher>().ShouldNotBeNull();
        _factory.Services.GetServices<IHostedService>().OfType<OutboxDispatcher>().ShouldHaveSingleItem();
    }

    [Test]
    public void Should_use_the_configured_database()
    {
        _factory.Services.GetRequiredService<DatabaseConnection>().Mode.ShouldBe(DatabaseMode.External);
    }
}
