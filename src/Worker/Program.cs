using Worker.Hosting;

namespace Worker;

/// <summary>The background host: outbox dispatcher, timers and message consumers, with health endpoints.</summary>
public sealed class Program
{
    public static async Task<int> Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        await using var host = await IsoHost.ConfigureAsync(builder, HostUrls.WorkerDefault);
        builder.Services.AddWorkerServices(builder.Configuration);

        var app = builder.Build();
        app.UseRequestLogging();
        app.MapHealthEndpoints();
        return await host.RunAsync(app, "ISO điện tử (worker)", "health: /health/ready");
    }
}
