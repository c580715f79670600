using MassTransit;

namespace Engine.Outbox;

/// <summary>Publishes outbox rows on the MassTransit bus (RabbitMQ, or in-memory in the single-process mode).</summary>
public sealed class MassTransitOutboxPublisher(IBus bus) : IOutboxPublisher
{
    public Task PublishAsync(Guid messageId, object message, Type messageType, CancellationToken ct) =>
        bus.Publish(message, messageType, ctx => ctx.MessageId = messageId, ct);
}
