using System.Text.Json.Nodes;
using Engine.Definitions;
using Engine.Persistence;

namespace Engine.Runtime;

/// <summary>
/// The action to take on the work item an instance's start opens, in the same call (<see cref="StartInstance.FirstStep"/>):
/// a caller that starts an instance only to take its first step at once (a clerk receiving a dossier) pays one transition.
/// <paramref name="Step"/> names the step whose work item is taken (null: the only work item the start opened); the actor is
/// the start's. The other fields mean what they mean on <see cref="CompleteWorkItem"/>.
/// </summary>
public sealed record FirstStep(
    string Action,
    string? Step = null,
    string? Comment = null,
    JsonObject? Data = null,
    IReadOnlyList<OutboxMessage>? Messages = null,
    JsonObject? Variables = null);

public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Takes <paramref name="first"/> on the work item the start just opened, in the same plan: the item is written once, completed,
    /// with no deadline timers and no opened-message; the history shows it opened and the action taken, as two calls would.
    /// The checks are those of <see cref="CompleteAsync"/> on an item nobody claimed yet.
    /// </summary>
    private async ValueTask<EngineError?> TakeFirstStepAsync(FirstStep first, string? actor, WorkflowDefinition definition, TransitionPlan plan,
        Executor executor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(actor))
            return new EngineError(EngineErrorCode.InvalidData, "Taking the first step needs the start's actor.", "actor");
        var item = plan.OpenedWorkItems.Where(w => first.Step is null || w.StepId == first.Step).ToList() is [var only] ? only : null;
        var token = item is null ? null : plan.Tokens.FirstOrDefault(t => t.Id == item.TokenId);
        if (item is null || token is null)
            return new EngineError(EngineErrorCode.ActionNotAllowed, first.Step is null
                ? $"The start opened {plan.OpenedWorkItems.Count} work items: name the step to take."
                : $"The start opened no work item at step '{first.Step}'.", "step");
        if (item.Assignee is { } owner && owner != actor)
            return new EngineError(EngineErrorCode.NotAssignee, $"Work item {item.Id} is assigned to {owner}.", "actor");
        var step = definition.FindStep(item.StepId)!;
        if (FormInput.Read(step, first.Data, out var input) is { } invalid) return invalid;
        foreach (var (key, value) in input) plan.Variables.Set(key, value);
        foreach (var (key, value) in first.Variables ?? []) plan.Variables.Set(key, value);
        var request = new CompleteWorkItem(item.Id, first.Action, actor, first.Comment, first.Data, null, first.Messages, first.Variables);
        if (CheckAction(step, request, plan.Variables) is { } refused) return refused;
        var action = step.Actions.First(a => a.Name == first.Action);

        plan.OpenedWorkItems.Remove(item);
        plan.Tokens.Remove(token);
        plan.NewTimers.RemoveAll(t => t.WorkItemId == item.Id);
        plan.Outbox.RemoveAll(o => o.WorkItemId == item.Id);
        (item.Status, item.CompletedAt, item.CompletedBy, item.Action, item.Revision) = (nameof(WorkItemStatus.Completed), plan.Now, actor, action.Name, 2);
        plan.FirstStepTaken = item;
        plan.Record("ActionTaken", actor, step.Id, action.To, action.Name, first.Comment, item.Id, new JsonObject
        {
            ["data"] = first.Data is null ? null : input.DeepClone(), ["dueAt"] = item.DueAt, ["onTime"] = true,
        });
        plan.Emit(first.Messages);
        return await executor.EnterAsync(token, action.To, actor, ct);
    }
}

internal static class FirstStepWrite
{
    /// <summary>The work item a start took at once: inserted as completed (the plan's opened items are inserted open).</summary>
    public static Npgsql.NpgsqlBatchCommand Insert(WorkItemRecord w) => InstanceStore.Command(
        "INSERT INTO engine.work_items (id, instance_id, token_id, definition_id, business_key, step_id, title, branch, role, unit_id, " +
        "assignee, status, budget, created_at, due_at, completed_at, completed_by, action, revision) " +
        "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19)",
        w.Id, w.InstanceId, w.TokenId, w.DefinitionId, w.BusinessKey, w.StepId, w.Title, w.Branch, w.Role, w.UnitId,
        w.Assignee, w.Status, w.Budget, w.CreatedAt, w.DueAt, w.CompletedAt, w.CompletedBy, w.Action, w.Revision);
}
