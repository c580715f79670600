using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Worker.Messaging;

/// <summary>
/// MassTransit on RabbitMQ when <c>RabbitMq:Host</c> is set, otherwise on the in-memory transport. The consumers are
/// this assembly's, or those <paramref name="consumers"/> accepts (the API's push-only bus). Usage telemetry is off in
/// both hosts (only the environment variable <c>MASSTRANSIT_USAGE_TELEMETRY=true</c> would turn it back on).
/// </summary>
public static class MessageBus
{
    public static IServiceCollection AddMessageBus(this IServiceCollection services, RabbitMqSettings rabbit, Func<Type, bool>? consumers = null)
    {
        services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });
        services.AddMassTransit(x =>
        {
            // MassTransit reports usage to its vendor's server by default; nothing of a deployment leaves it unasked.
            x.DisableUsageTelemetry();
            x.SetKebabCaseEndpointNameFormatter();
            x.AddConsumers(consumers ?? (_ => true), typeof(MessageBus).Assembly);
            x.AddConfigureEndpointsCallback((_, _, endpoint) => ConsumerRetry.Apply(endpoint));
            if (rabbit.IsConfigured)
            {
                if (rabbit.QuorumQueues)
                    x.AddConfigureEndpointsCallback((_, _, endpoint) =>
                    {
                        if (endpoint is IRabbitMqReceiveEndpointConfigurator queue) queue.SetQuorumQueue();
                    });
                x.UsingRabbitMq((context, bus) =>
                {
                    bus.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, h =>
                    {
                        h.Username(rabbit.Username);
                        h.Password(rabbit.Password);
                    });
                    bus.ConfigureEndpoints(context);
                });
            }
            else
            {
                x.UsingInMemory((context, bus) => bus.ConfigureEndpoints(context));
            }
        });
        return services;
    }
}
