using System.Text.Json.Nodes;

namespace Engine.Runtime;

/// <summary>Code called by an automatic step's <c>handler</c>. Runs inside the transition's transaction: keep it short.</summary>
public interface IStepHandler
{
    ValueTask ExecuteAsync(StepHandlerContext context, CancellationToken ct);
}

/// <summary>What a handler sees and may change: the variables, and messages to emit.</summary>
public sealed class StepHandlerContext(Guid instanceId, string definitionId, string? businessKey, string stepId,
    JsonObject variables, DateTimeOffset now, IServiceProvider services)
{
    public Guid InstanceId { get; } = instanceId;
    public string DefinitionId { get; } = definitionId;
    public string? BusinessKey { get; } = businessKey;
    public string StepId { get; } = stepId;
    public JsonObject Variables { get; } = variables;
    public DateTimeOffset Now { get; } = now;
    public IServiceProvider Services { get; } = services;
    public List<OutboxMessage> Messages { get; } = [];
}

/// <summary>Handlers by name, as registered with <c>AddWorkflowHandler</c>.</summary>
public sealed class StepHandlerRegistry(IEnumerable<HandlerRegistration> registrations)
{
    private readonly Dictionary<string, Type> _handlers = registrations.ToDictionary(r => r.Name, r => r.HandlerType, StringComparer.Ordinal);

    public void Register(string name, Type handlerType) => _handlers[name] = handlerType;
    public IReadOnlyCollection<string> Names => _handlers.Keys;
    public Type? Find(string name) => _handlers.GetValueOrDefault(name);
}

/// <summary>A handler type registered under a name (see <c>AddWorkflowHandler</c>).</summary>
public sealed record HandlerRegistration(string Name, Type HandlerType);
