using Microsoft.Extensions.Configuration;
using Serilog.Events;
using Worker.Hosting;

namespace Worker.Tests;

/// <summary>
/// One line per request buries the log at information level: by default only failed requests are written
/// (<c>Logs:Requests</c>, Warning), every one on demand; run.sh's start block hides the host's, the bus's and Hangfire's start lines.
/// </summary>
public sealed class When_requests_are_logged
{
    private const string Requests = "Serilog.AspNetCore.RequestLoggingMiddleware";

    private static Serilog.Core.Logger Logger(params (string Key, string Value)[] settings) => HostLogging.CreateLogger(
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    private static bool Writes(Serilog.Core.Logger logger, string category, LogEventLevel level) =>
        logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, category).IsEnabled(level);

    [Test]
    public void Should_write_only_failed_requests_by_default()
    {
        using var logger = Logger();

        Writes(logger, Requests, LogEventLevel.Information).ShouldBeFalse();
        Writes(logger, Requests, LogEventLevel.Error).ShouldBeTrue();
        Writes(logger, "Worker.Sla.SlaSweep", LogEventLevel.Information).ShouldBeTrue("the app's own information lines stay");
        Writes(logger, "Hangfire.BackgroundJobServer", LogEventLevel.Information).ShouldBeTrue("outside run.sh nothing else changes");
    }

    [Test]
    public void Should_write_every_request_when_asked()
    {
        using var logger = Logger(("Logs:Requests", "Information"));

        Writes(logger, Requests, LogEventLevel.Information).ShouldBeTrue();
    }

    [Test]
    public void Should_refuse_a_level_that_does_not_exist() =>
        Should.Throw<InvalidOperationException>(() => Logger(("Logs:Requests", "Loud"))).Message.ShouldContain("Logs:Requests");

    [Test]
    public void Should_leave_the_start_block_alone_among_the_start_lines_under_run_sh()
    {
        using var logger = Logger(("Logs:StartBanner", "true"));

        foreach (var category in new[] { "Microsoft.Hosting.Lifetime", "MassTransit.Transports", "Hangfire.BackgroundJobServer" })
        {
            Writes(logger, category, LogEventLevel.Information).ShouldBeFalse(category);
            Writes(logger, category, LogEventLevel.Warning).ShouldBeTrue(category);
        }
        Writes(logger, "Worker.Hosting.DatabaseInitializer", LogEventLevel.Information).ShouldBeTrue("what the start does is still said");
    }
}
