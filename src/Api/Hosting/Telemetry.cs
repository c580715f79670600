using System.Diagnostics.Metrics;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Api.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics: ASP.NET Core (URL queries redacted by the instrumentation), Npgsql (SQL without
/// values) and our own meter. Exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, to the console with
/// <c>Telemetry:Console=true</c>; otherwise collected in process only.
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
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("iso-dien-tu-api"))
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health")).AddNpgsql().AddSource(Name);
                if (otlp) t.AddOtlpExporter();
                if (console) t.AddConsoleExporter();
            })
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddMeter(Name, "Npgsql");
                if (otlp) m.AddOtlpExporter();
                if (console) m.AddConsoleExporter();
            });
        return services;
    }
}
