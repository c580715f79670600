using System.Text.Json.Nodes;

namespace Engine.Runtime;

/// <summary>
/// Code called by an automatic step's <c>handler</c>, typically a call to another system. It runs after the transition
/// that reached the step committed, outside any transaction and lock. It may run more than once for one step (a poller
/// died mid-call, or the write after it failed): pass <see cref="StepHandlerContext.IdempotencyKey"/> to the other system
/// so it acts once. A handler that throws is retried with backoff, then becomes an incident.
/// </summary>
public interface IStepHandler
{
    ValueTask ExecuteAsync(StepHandlerContext context, CancellationToken ct);
}

/// <summary>
/// What a handler sees and may change: a copy of the variables (what it changes is merged into the instance when it
/// succeeds), and messages to emit with that change.
/// </summary>
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
    /// <summary>The same for every call of this step of this instance: the key another system dedupes on.</summary>
    public Guid IdempotencyKey { get; init; }
    /// <summary>1 for the first call, more when an earlier one failed or was cut off.</summary>
    public int Attempt { get; init; } = 1;
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
