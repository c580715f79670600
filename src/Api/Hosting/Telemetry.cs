using System.Diagnostics.Metrics;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Worker.Hosting;

namespace Api.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics: ASP.NET Core (URL queries redacted by the instrumentation), Npgsql (SQL without
/// values), the engine's meter and our own. Metrics are served to Prometheus at <c>/metrics</c> (<see cref="MetricsEndpoint"/>);
/// both are exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and to the console with <c>Telemetry:Console=true</c>.
/// </summary>
public static class Telemetry
{
    public const string Name = "IsoDienTu.Api";
    public static readonly Meter Meter = new(Name);
    public static readonly Counter<long> SignInFailures = Meter.CreateCounter<long>("iso.sign_in.failures", description: "Refused sign-ins and token requests");
    public static readonly Counter<long> DossierActions = Meter.CreateCounter<long>("iso.dossier.actions", description: "Use cases completed on dossiers");

    public static IServiceCollection AddIsoTelemetry(this IServiceCollection services, IConfiguration config)
    {
        var otlp = !string.IsNullOrWhiteSpace(config["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var console = config.GetValue("Telemetry:Console", false);
        services.AddIsoMetrics(config, "iso-dien-tu-api");
        services.AddOpenTelemetry()
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation(o => o.Filter = http =>
                    !http.Request.Path.StartsWithSegments("/health") && !http.Request.Path.StartsWithSegments(MetricsEndpoint.Path)).AddNpgsql().AddSource(Name);
                if (otlp) t.AddOtlpExporter();
                if (console) t.AddConsoleExporter();
            })
            .WithMetrics(m =>
            {
                m.AddMeter(Name);
                if (otlp) m.AddOtlpExporter();
                if (console) m.AddConsoleExporter();
            });
        return services;
    }
}
