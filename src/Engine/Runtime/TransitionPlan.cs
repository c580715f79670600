using System.Text.Json.Nodes;
using Engine.Persistence;

namespace Engine.Runtime;

/// <summary>
/// Everything one transition changes, computed in memory and then written in a single transaction:
/// the instance's new state, work items and timers opened or closed, history and outbox rows.
/// </summary>
internal sealed class TransitionPlan(Guid instanceId, DateTimeOffset now, InstanceVariables variables, List<Token> tokens)
{
    public Guid InstanceId { get; } = instanceId;
    public DateTimeOffset Now { get; } = now;
    public InstanceVariables Variables { get; } = variables;
    public List<Token> Tokens { get; } = tokens;
    public InstanceStatus Status { get; set; } = InstanceStatus.Running;
    public string? Outcome { get; set; }
    public List<WorkItemRecord> OpenedWorkItems { get; } = [];
    /// <summary>The work item a start opened and took at once (<see cref="StartInstance.FirstStep"/>): written completed.</summary>
    public WorkItemRecord? FirstStepTaken { get; set; }
    public List<TimerRecord> NewTimers { get; } = [];
    /// <summary>Cancel every other open work item and pending timer of the instance (it ended or was cancelled).</summary>
    public bool CloseEverythingOpen { get; set; }
    /// <summary>Paths taken away by a deadline move or a repair: their open work items and pending timers are cancelled.</summary>
    public HashSet<Guid> CancelledTokens { get; } = [];
    /// <summary>Why <see cref="CancelledTokens"/> lost their work, for the history rows.</summary>
    public string? CancelReason { get; set; }
    /// <summary>Open work items of these paths go to another role or unit, unassigned (a deadline rule's escalation).</summary>
    public (IReadOnlyCollection<Guid> Tokens, string? Role, string? Unit)? Escalation { get; set; }
    /// <summary>Branches that reached their join and have deadline timers to cancel.</summary>
    public List<(Guid Activation, string Branch)> ArrivedBranches { get; } = [];
    public List<HistoryRecord> History { get; } = [];
    public List<OutboxRow> Outbox { get; } = [];
    /// <summary>The instance's open work items once the plan is written: what the transition's result tells the caller.</summary>
    public IReadOnlyList<Queries.WorkItemView> OpenAfter { get; set; } = [];

    public void Record(string kind, string? actor, string? from = null, string? to = null, string? action = null,
        string? comment = null, Guid? workItemId = null, JsonObject? data = null) =>
        RecordText(kind, actor, from, to, action, comment, workItemId, data?.ToJsonString());

    /// <summary>A history row whose data is already JSON text (see <see cref="JsonText"/>).</summary>
    public void RecordText(string kind, string? actor, string? from, string? to, string? action, string? comment, Guid? workItemId, string? data) =>
        History.Add(new HistoryRecord
        {
            InstanceId = InstanceId, At = Now, Kind = kind, Actor = actor, FromStep = from, ToStep = to,
            Action = action, Comment = comment, WorkItemId = workItemId, Data = data,
        });

    public void Emit(string type, JsonNode payload, Guid? id = null, Guid? workItemId = null) =>
        Emit(type, payload.ToJsonString(), id, workItemId);

    /// <summary>A message whose payload is already JSON text (serialised straight from its record, without a node in between).</summary>
    public void Emit(string type, string payload, Guid? id = null, Guid? workItemId = null) =>
        Outbox.Add(new OutboxRow(id ?? Guid.CreateVersion7(Now), InstanceId, type, payload, workItemId));

    /// <summary>Forgets the work items and timers this transition opened, with their history and messages: the instance ended first.</summary>
    public void DropOpenedWork()
    {
        var opened = OpenedWorkItems.Select(w => w.Id).ToHashSet();
        OpenedWorkItems.Clear();
        NewTimers.Clear();
        ArrivedBranches.Clear();
        History.RemoveAll(h => h.Kind == "WorkItemOpened" && h.WorkItemId is { } id && opened.Contains(id));
        Outbox.RemoveAll(o => o.WorkItemId is { } id && opened.Contains(id));
    }

    public void Emit(IEnumerable<OutboxMessage>? messages)
    {
        foreach (var m in messages ?? []) Emit(m.Type, m.Payload, m.Id);
    }
}

/// <summary>An outbox row to write; <paramref name="WorkItemId"/> names the work item a work-item-opened message announces.</summary>
internal sealed record OutboxRow(Guid Id, Guid? InstanceId, string Type, string Payload, Guid? WorkItemId = null);
