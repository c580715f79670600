using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Tests.Shared;

namespace Api.Tests;

/// <summary>A client's unreadable request is the client's error: a warning without a stack trace, not a server error.</summary>
public sealed class When_a_request_cannot_be_read
{
    private readonly CapturedEvents _events = new();
    private ApiFactory _factory = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        var logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(_events).CreateLogger();
        _factory = new ApiFactory(await TestPostgres.CreateDatabaseAsync("api_bad_requests"), services: s =>
        {
            s.AddSerilog(logger, dispose: true);
            s.AddSingleton<Serilog.ILogger>(logger);
        });
        _ = _factory.Server;
    }

    [OneTimeTearDown]
    public async Task Stop() => await _factory.DisposeAsync();

    [Test]
    public async Task Should_log_a_malformed_body_as_a_warning_without_an_exception()
    {
        _events.Clear();
        var response = await _factory.CreateClient().PostAsync("/api/v1/auth/sign-in",
            new StringContent("{\"userName\": \"x\", ", Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var ofRequest = _events.Where(e => e.Properties.TryGetValue("RequestPath", out var path) && path.ToString().Contains("sign-in")
            || e.MessageTemplate.Text.Contains("malformed", StringComparison.OrdinalIgnoreCase)).ToList();
        _events.ShouldNotContain(e => e.Level >= LogEventLevel.Error, string.Join("\n", _events.Select(e => $"{e.Level} {e.RenderMessage()}")));
        _events.ShouldNotContain(e => e.Exception != null, string.Join("\n", _events.Where(e => e.Exception != null).Select(e => e.RenderMessage())));
        _events.ShouldContain(e => e.Level == LogEventLevel.Warning && e.RenderMessage().Contains("malformed-json"));
        ofRequest.ShouldNotBeEmpty();
    }

    [Test]
    public async Task Should_still_log_a_server_failure_as_an_error_with_its_exception()
    {
        _events.Clear();
        (await _factory.CreateClient().GetAsync(FailingEndpoint.Path)).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        _events.ShouldContain(e => e.Level == LogEventLevel.Error && e.Exception is InvalidOperationException);
    }

    private sealed class CapturedEvents : ConcurrentQueue<LogEvent>, ILogEventSink
    {
        public void Emit(LogEvent logEvent) => Enqueue(logEvent);
    }
}
