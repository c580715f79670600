using Engine.Hosting;
using Engine.Outbox;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Worker.Messaging;

namespace Worker;

/// <summary>
/// The background work: the message bus, the outbox dispatcher (publishing committed outbox rows on the bus)
/// and the timer poller. The Worker host always runs them; the API runs them in-process in the single-process mode.
/// Expects the engine to be registered already (see <see cref="Hosting.IsoHost"/>).
/// </summary>
public static class WorkerServices
{
    public static IServiceCollection AddWorkerServices(this IServiceCollection services, IConfiguration config)
    {
        services.AddMessageBus(RabbitMqSettings.From(config));
        services.TryAddSingleton<IOutboxPublisher, MassTransitOutboxPublisher>();
        services.AddWorkflowEngineWorkers();
        return services;
    }
}
