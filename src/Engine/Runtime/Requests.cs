using System.Text.Json;
using System.Text.Json.Nodes;

namespace Engine.Runtime;

/// <summary>Start an instance of the latest published version of <paramref name="DefinitionId"/>, or of <paramref name="Version"/>.</summary>
public sealed record StartInstance(
    string DefinitionId,
    JsonObject? Variables = null,
    int? Version = null,
    string? BusinessKey = null,
    string? Actor = null,
    IReadOnlyList<OutboxMessage>? Messages = null,
    Guid? InstanceId = null)
{
    /// <summary>An action taken by <see cref="Actor"/> on the work item the start opens, in the same call; null: the start only.</summary>
    public FirstStep? FirstStep { get; init; }

    /// <summary>The definition as the caller's own batch resolved it (<see cref="StartResolution"/>); null: the start reads it.</summary>
    public ResolvedStart? Resolved { get; init; }

    /// <summary>
    /// In the caller's transaction only: the start's writes are built but not sent, and handed back in <see cref="TransitionResult.Write"/>
    /// for the caller to send with its own statements in one round trip. Ignored (the start writes as usual) in the engine's own transaction,
    /// or when the write must read back what it wrote.
    /// </summary>
    public bool DeferWrite { get; init; }
}

/// <summary>
/// Take <paramref name="Action"/> on an open work item. <paramref name="Data"/> is what the person entered: only fields
/// of the step's form, each of its type, are accepted. <paramref name="Variables"/> are facts the application itself
/// sets with the move (never a person's input): merged as they are. Guards see the stored variables with both merged.
/// </summary>
public sealed record CompleteWorkItem(
    Guid WorkItemId,
    string Action,
    string Actor,
    string? Comment = null,
    JsonObject? Data = null,
    int? ExpectedRevision = null,
    IReadOnlyList<OutboxMessage>? Messages = null,
    JsonObject? Variables = null)
{
    /// <summary>
    /// The instance and its open work items as the caller's transaction locked them (<see cref="InstanceLock"/>), so the completion
    /// needs no locking read of its own; used only in the caller's transaction, and only when the work item is among them.
    /// </summary>
    public InstanceLock? Locked { get; init; }
}

/// <summary>A message to write to the outbox in the same transaction as the state change.</summary>
public sealed record OutboxMessage(string Type, JsonNode Payload, Guid? Id = null)
{
    /// <summary>Wraps a typed message; <paramref name="type"/> defaults to the CLR type's full name.</summary>
    public static OutboxMessage From<T>(T message, string? type = null) =>
        new(type ?? typeof(T).FullName!, JsonSerializer.SerializeToNode(message, JsonDefaults.Options)!);
}

public static class JsonDefaults
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}

/// <summary>
/// What a transition changed, for the caller to show or map, and where the instance stands after it, so that the caller
/// reads nothing of the engine's again: every open work item with its due time, and the instance's variables.
/// </summary>
public sealed record TransitionResult(
    Guid InstanceId,
    int Revision,
    InstanceStatus Status,
    string? Outcome,
    IReadOnlyList<WorkItemInfo> OpenedWorkItems,
    IReadOnlyList<string> ActiveSteps)
{
    /// <summary>Every open work item of the instance once the transition is written (not only those it opened), oldest first.</summary>
    public IReadOnlyList<Queries.WorkItemView> OpenWorkItems { get; init; } = [];

    /// <summary>The work item a start took at once (<see cref="StartInstance.FirstStep"/>), now completed; null otherwise.</summary>
    public WorkItemInfo? FirstStepTaken { get; init; }

    /// <summary>The start's writes, not sent yet (<see cref="StartInstance.DeferWrite"/>); null when they were written.</summary>
    public PendingWrite? Write { get; init; }

    private JsonObject? _variables;

    /// <summary>The instance's variables after the transition; treat as read-only.</summary>
    public JsonObject Variables
    {
        get => _variables ??= Pending?.View ?? [];
        init => _variables = value;
    }

    /// <summary>The variables as the transition left them, turned into <see cref="Variables"/> only if a caller reads them.</summary>
    internal InstanceVariables? Pending { get; init; }

    /// <summary>
    /// Whether the variable <paramref name="name"/> is the JSON value <c>true</c>: read out of the stored text when the tree is not
    /// built yet (a use case asks for one flag after every move; building every variable for it cost more than the move itself).
    /// </summary>
    public bool Flag(string name)
    {
        var value = _variables is null && Pending is { } pending ? pending.Find(name)
            : Variables.TryGetPropertyValue(name, out var found) ? found : null;
        return value is JsonValue v && v.TryGetValue<bool>(out var b) && b;
    }
}

public sealed record WorkItemInfo(
    Guid Id,
    Guid InstanceId,
    string StepId,
    string? Title,
    string Role,
    string? UnitId,
    string? Assignee,
    string? Branch,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DueAt);

public enum InstanceStatus { Running, Suspended, Completed, Cancelled }

public enum WorkItemStatus { Open, Completed, Cancelled }

public enum TimerStatus { Pending, Fired, Cancelled, Failed }
