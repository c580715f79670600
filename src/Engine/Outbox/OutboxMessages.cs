using System.Text.Json;
using Engine.Runtime;

namespace Engine.Outbox;

/// <summary>A row whose payload cannot be read as its mapped type: the row's own fault, not the broker's.</summary>
internal sealed class UnreadableMessageException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Turns an outbox row into the message published for it.</summary>
internal static class OutboxMessages
{
    /// <summary>
    /// The row's payload as its mapped type; an unmapped type goes out as a <see cref="WorkflowMessage"/> envelope
    /// carrying the type name and the whole payload.
    /// </summary>
    public static (object Message, Type Type) Read(OutboxTypeMap types, ClaimedRow row)
    {
        if (types.Resolve(row.Type) is not { } type)
            return (new WorkflowMessage(row.InstanceId ?? Guid.Empty, "", null, row.Type, row.Payload), typeof(WorkflowMessage));
        try
        {
            return (JsonSerializer.Deserialize(row.Payload, type, JsonDefaults.Options)
                    ?? throw new UnreadableMessageException($"The payload of {row.Type} is null."), type);
        }
        catch (JsonException e)
        {
            throw new UnreadableMessageException($"The payload cannot be read as {type.Name}: {e.Message}", e);
        }
        catch (NotSupportedException e)
        {
            throw new UnreadableMessageException($"{type.Name} cannot be read from JSON: {e.Message}", e);
        }
    }
}
