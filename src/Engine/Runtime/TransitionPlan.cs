using System.Text.Json.Nodes;
using Engine.Persistence;

namespace Engine.Runtime;

/// <summary>
/// Everything one transition changes, computed in memory and then written in a single transaction:
/// the instance's new state, work items and timers opened or closed, history and outbox rows.
/// </summary>
internal sealed class TransitionPlan(Guid instanceId, DateTimeOffset now, JsonObject variables, List<Token> tokens)
{
    public Guid InstanceId { get; } = instanceId;
    public DateTimeOffset Now { get; } = now;
    public JsonObject Variables { get; } = variables;
    public List<Token> Tokens { get; } = tokens;
    public InstanceStatus Status { get; set; } = InstanceStatus.Running;
    public string? Outcome { get; set; }
    public List<WorkItemRecord> OpenedWorkItems { get; } = [];
    public List<TimerRecord> NewTimers { get; } = [];
    /// <summary>Cancel every other open work item and pending timer of the instance (it ended or was cancelled).</summary>
    public bool CloseEverythingOpen { get; set; }
    public List<HistoryRecord> History { get; } = [];
    public List<OutboxRow> Outbox { get; } = [];

    public void Record(string kind, string? actor, string? from = null, string? to = null, string? action = null,
        string? comment = null, Guid? workItemId = null, JsonObject? data = null) =>
        History.Add(new HistoryRecord
        {
            InstanceId = InstanceId, At = Now, Kind = kind, Actor = actor, FromStep = from, ToStep = to,
            Action = action, Comment = comment, WorkItemId = workItemId, Data = data?.ToJsonString(),
        });

    public void Emit(string type, JsonNode payload, Guid? id = null) =>
        Outbox.Add(new OutboxRow(id ?? Guid.CreateVersion7(Now), InstanceId, type, payload.ToJsonString()));

    public void Emit(IEnumerable<OutboxMessage>? messages)
    {
        foreach (var m in messages ?? []) Emit(m.Type, m.Payload, m.Id);
    }
}

internal sealed record OutboxRow(Guid Id, Guid? InstanceId, string Type, string Payload);
