namespace Engine.Outbox;

/// <summary>Where committed outbox rows go. The message id is the outbox row id, so consumers can dedupe.</summary>
public interface IOutboxPublisher
{
    Task PublishAsync(Guid messageId, object message, Type messageType, CancellationToken ct);
}
