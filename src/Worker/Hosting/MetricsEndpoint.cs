using Engine.Hosting;
using Engine.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Worker.Hosting;

/// <summary>
/// The Prometheus endpoint both hosts serve at <see cref="Path"/>: the engine's meter (counters, and gauges sampled every
/// <c>Metrics:SampleInterval</c>), ASP.NET Core's and Npgsql's, plus whatever meters the host adds to the same provider
/// (the API adds its own). Series and alerts: docs/operations.md, "Metrics".
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";
    public const string SampleIntervalKey = "Metrics:SampleInterval";

    public static IServiceCollection AddIsoMetrics(this IServiceCollection services, IConfiguration config, string serviceName)
    {
        services.AddSingleton(MetricsAccess.From(config));
        services.AddWorkflowEngineMetrics(o => o.SampleInterval = config.GetValue(SampleIntervalKey, o.SampleInterval));
        // The engine's meter comes from this provider's meter factory and is enabled for it alone (not by name, which would
        // reach every provider's in the process): a host reports its own engine even beside others, as in the tests.
        services.AddMetrics(b => b.EnableMetrics(EngineMetrics.MeterName, scopes: MeterScope.Local));
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithMetrics(m => m.AddMeter("Npgsql").AddAspNetCoreInstrumentation().AddPrometheusExporter());
        return services;
    }

    /// <summary>Maps <see cref="Path"/> behind <see cref="MetricsAccess"/>; scrapes are left out of the HTTP metrics they read.</summary>
    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder endpoints)
    {
        var access = endpoints.ServiceProvider.GetRequiredService<MetricsAccess>();
        endpoints.MapPrometheusScrapingEndpoint(Path, meterProvider: null, branch => branch.Use(access.GateAsync), optionsName: null)
            .DisableHttpMetrics();
        return endpoints;
    }
}
