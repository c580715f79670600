using Engine.Runtime;

namespace Engine.Outbox;

/// <summary>
/// Outbox type names and the CLR message types they are published as. A row whose type is not mapped is
/// published as a <see cref="WorkflowMessage"/> envelope carrying the row's type and whole payload, so nothing
/// written is ever dropped or misread.
/// </summary>
public sealed class OutboxTypeMap
{
    private readonly Dictionary<string, Type> _types = new(StringComparer.Ordinal)
    {
        [EngineEventTypes.WorkItemOpened] = typeof(WorkItemOpened),
        [EngineEventTypes.InstanceCompleted] = typeof(InstanceCompleted),
        [EngineEventTypes.WorkflowMessage] = typeof(WorkflowMessage),
        [EngineEventTypes.DeadlinePassed] = typeof(DeadlinePassed),
    };

    /// <summary>Maps <typeparamref name="T"/> under its full name (what <see cref="OutboxMessage.From{T}"/> writes) or <paramref name="name"/>.</summary>
    public OutboxTypeMap Map<T>(string? name = null) => Map(typeof(T), name);

    /// <summary>Maps <paramref name="type"/> under its full name or <paramref name="name"/>.</summary>
    public OutboxTypeMap Map(Type type, string? name = null)
    {
        lock (_types) _types[name ?? type.FullName!] = type;
        return this;
    }

    public Type? Resolve(string name)
    {
        lock (_types) return _types.GetValueOrDefault(name);
    }
}
