namespace Engine.Runtime;

/// <summary>Published when a human step opens a work item: who should do what, by when.</summary>
public sealed record WorkItemOpened(
    Guid WorkItemId, Guid InstanceId, string DefinitionId, string? BusinessKey, string StepId, string? Title,
    string Role, string? UnitId, string? Assignee, DateTimeOffset CreatedAt, DateTimeOffset? DueAt);

/// <summary>Published when an instance reaches an end step.</summary>
public sealed record InstanceCompleted(
    Guid InstanceId, string DefinitionId, string? BusinessKey, string Outcome, DateTimeOffset CompletedAt);

/// <summary>
/// A message with no CLR type of its own: emitted by an automatic step (<paramref name="Type"/> is the step's
/// <c>emit.type</c>, <paramref name="Payload"/> its data), or an outbox row whose type nobody mapped (the row's
/// payload, whole).
/// </summary>
public sealed record WorkflowMessage(Guid InstanceId, string DefinitionId, string? BusinessKey, string Type, string Payload);

public static class EngineEventTypes
{
    public const string WorkItemOpened = "engine.work-item-opened";
    public const string InstanceCompleted = "engine.instance-completed";
    public const string WorkflowMessage = "engine.workflow-message";
}
