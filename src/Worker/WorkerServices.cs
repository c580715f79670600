using Engine.Hosting;
using Engine.Outbox;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Procedures.Calendar;
using Worker.Delivery;
using Worker.Messaging;
using Worker.Notifications;
using Worker.Sla;
using Worker.Statistics;

namespace Worker;

/// <summary>
/// The background work: the message bus with the consumers, the outbox dispatcher (publishing committed outbox rows on
/// the bus), the timer poller, the delivery dispatcher and the Hangfire server with the SLA jobs. The Worker host always
/// runs them; the API runs them in-process in the single-process mode. Expects the engine and
/// <see cref="NotificationsServices.AddNotifications"/> to be registered already (see <see cref="Hosting.IsoHost"/>).
/// </summary>
public static class WorkerServices
{
    public static IServiceCollection AddWorkerServices(this IServiceCollection services, IConfiguration config)
    {
        services.AddMessageBus(RabbitMqSettings.From(config));
        services.TryAddSingleton<IOutboxPublisher, MassTransitOutboxPublisher>();
        services.AddOutboxTypes(map => map.Map<CalendarChanged>());
        services.AddWorkflowEngineWorkers();
        services.AddOptions<OutboxOptions>().Bind(config.GetSection(OutboxOptions.Section));
        if (DeliverySettings.From(config).Enabled) services.AddHostedService(sp => sp.GetRequiredService<DeliveryDispatcher>());
        services.AddSlaJobs(config);
        services.AddStatisticsJobs(config);
        return services;
    }

    /// <summary>
    /// For an API that does not run the worker in-process (RabbitMQ mode): a bus with only the push consumer, so
    /// notifications written by Worker processes reach the browsers connected to this API.
    /// </summary>
    public static IServiceCollection AddNotificationPushBus(this IServiceCollection services, IConfiguration config) =>
        services.AddMessageBus(RabbitMqSettings.From(config), t => t == typeof(PushNotificationToBrowsers));
}
