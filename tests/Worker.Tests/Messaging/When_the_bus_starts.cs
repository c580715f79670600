using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Worker.Messaging;

namespace Worker.Tests.Messaging;

/// <summary>Both hosts build their bus with <see cref="MessageBus.AddMessageBus"/>; nothing of it may call a server outside the deployment.</summary>
public sealed class When_the_bus_starts
{
    private static ServiceCollection Bus()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMessageBus(new RabbitMqSettings(), _ => false);
        return services;
    }

    [Test]
    public void Should_have_the_vendors_usage_telemetry_turned_off()
    {
        using var provider = Bus().BuildServiceProvider();
        provider.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled.ShouldBeFalse();
    }

    [Test]
    public async Task Should_make_no_http_call_while_it_runs_and_stops()
    {
        var calls = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = a => calls.Enqueue($"{a.GetTagItem("server.address")} {a.DisplayName}"),
        };
        ActivitySource.AddActivityListener(listener);
        var services = Bus();
        // Were it on, the report would go out when the container is disposed rather than minutes after start.
        services.PostConfigure<UsageTelemetryOptions>(o => o.ReportOnShutdown = true);
        var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var h in hosted) await h.StartAsync(CancellationToken.None);
        await provider.GetRequiredService<IBus>().Publish(new BusProbe(Guid.NewGuid()));
        foreach (var h in Enumerable.Reverse(hosted)) await h.StopAsync(CancellationToken.None);
        await provider.DisposeAsync();
        calls.ShouldBeEmpty();
    }

    public sealed record BusProbe(Guid Id);
}
