using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Worker.Hosting;

/// <summary>
/// Serilog to the console: one compact line per event (<c>Logs:Format=text</c>, the default) or compact JSON
/// (<c>Logs:Format=json</c>, for containers and log shippers). Levels can be changed under <c>Serilog:MinimumLevel</c>.
/// </summary>
public static class HostLogging
{
    public const string FormatKey = "Logs:Format";

    /// <summary>The level of the one line per request (<c>Logs:Requests</c>): <c>Warning</c> by default, so only failed requests show; <c>Information</c> logs every request.</summary>
    public const string RequestsKey = "Logs:Requests";
    private const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static Logger CreateLogger(IConfiguration config)
    {
        var logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            // EF logs every failed command as an error, including the expected probe of the migrations history
            // table on a new database; real failures surface as exceptions, logged where they are handled.
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Command", LogEventLevel.Fatal)
            .MinimumLevel.Override("Microsoft.Extensions.Diagnostics.HealthChecks", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", StartBanner(config) ? LogEventLevel.Warning : LogEventLevel.Information)
            .MinimumLevel.Override(RequestLoggerCategory, RequestLevel(config))
            // A failed start is logged once by IsoHost.RunAsync, without the host's repeat and stack trace.
            .MinimumLevel.Override("Microsoft.Extensions.Hosting.Internal.Host", LogEventLevel.Fatal)
            .Enrich.FromLogContext();
        // run.sh prints its own block with the address (Logs:StartBanner): the host's, the bus's and Hangfire's start lines
        // would only bury it.
        if (StartBanner(config))
            logger = logger.MinimumLevel.Override("MassTransit", LogEventLevel.Warning).MinimumLevel.Override("Hangfire", LogEventLevel.Warning);
        logger = logger.ReadFrom.Configuration(config);
        return string.Equals(config[FormatKey], "json", StringComparison.OrdinalIgnoreCase)
            ? logger.WriteTo.Console(new CompactJsonFormatter()).CreateLogger()
            : logger.WriteTo.Console(outputTemplate: TextTemplate, formatProvider: CultureInfo.InvariantCulture).CreateLogger();
    }

    private static bool StartBanner(IConfiguration config) => config.GetValue("Logs:StartBanner", false);

    private const string RequestLoggerCategory = "Serilog.AspNetCore.RequestLoggingMiddleware";

    private static LogEventLevel RequestLevel(IConfiguration config)
    {
        var text = config[RequestsKey];
        if (string.IsNullOrWhiteSpace(text)) return LogEventLevel.Warning;
        return Enum.TryParse<LogEventLevel>(text.Trim(), ignoreCase: true, out var level) && Enum.IsDefined(level)
            ? level
            : throw new InvalidOperationException($"{RequestsKey} must be one of {string.Join(", ", Enum.GetNames<LogEventLevel>())}, not '{text}'.");
    }

    /// <summary>One line per request (shown from <see cref="RequestsKey"/>'s level); health probes only at Verbose so they do not flood the log.</summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(o =>
        {
            // The host's logger, not the static Log.Logger, which this app leaves silent.
            o.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            o.GetLevel = (http, _, error) =>
                error is not null || http.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error
                : http.Request.Path.StartsWithSegments("/health") || http.Request.Path.StartsWithSegments(MetricsEndpoint.Path) ? LogEventLevel.Verbose
                : LogEventLevel.Information;
        });
}
