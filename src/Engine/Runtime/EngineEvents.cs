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

/// <summary>
/// Published when a deadline rule fires: the work item (or every open item of the branch) passed its due time.
/// <paramref name="Action"/> is remind, escalate (then <paramref name="Role"/>/<paramref name="UnitId"/> now hold the
/// work) or move (the work was cancelled and the instance moved on to <paramref name="MovedTo"/>).
/// </summary>
public sealed record DeadlinePassed(
    Guid InstanceId, string DefinitionId, string? BusinessKey, string StepId, IReadOnlyList<Guid> WorkItemIds, string? Branch,
    string Action, DateTimeOffset DueAt, string? Role, string? UnitId, string? MovedTo, DateTimeOffset At);

public static class EngineEventTypes
{
    public const string DeadlinePassed = "engine.deadline-passed";
    public const string WorkItemOpened = "engine.work-item-opened";
    public const string InstanceCompleted = "engine.instance-completed";
    public const string WorkflowMessage = "engine.workflow-message";
}

/// <summary>
/// The work-item-opened payload every transition to a human step writes, serialised without reflection: the same JSON as
/// <see cref="JsonDefaults.Options"/> writes.
/// </summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(WorkItemOpened))]
internal sealed partial class EngineEventJson : System.Text.Json.Serialization.JsonSerializerContext;
