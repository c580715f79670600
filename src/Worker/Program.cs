using Worker.Hosting;

namespace Worker;

/// <summary>The background host: outbox dispatcher, timers and message consumers, with health and metrics endpoints.</summary>
public sealed class Program
{
    public static async Task<int> Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        await using var host = await IsoHost.ConfigureAsync(builder, HostUrls.WorkerDefault);
        builder.Services.AddWorkerServices(builder.Configuration);
        builder.Services.AddIsoMetrics(builder.Configuration, "iso-dien-tu-worker");

        var app = builder.Build();
        app.UseRequestLogging();
        app.MapHealthEndpoints();
        app.MapMetricsEndpoint();
        return await host.RunAsync(app, "ISO điện tử (worker)", "health: /health/ready, metrics: /metrics");
    }
}
