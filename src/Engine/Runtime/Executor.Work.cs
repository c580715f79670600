using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Calendar;
using Engine.Definitions;
using Engine.Expressions;
using Engine.Persistence;

namespace Engine.Runtime;

internal sealed partial class Executor
{
    /// <summary>
    /// Opens the work item of a human step. Its due time is the step's budget, or the branch's due time when that comes
    /// first. Deadline rules get their timers. A unit or assignee too long for an id is refused by name instead of
    /// failing the whole write later.
    /// </summary>
    private EngineError? OpenWorkItem(Token token, StepDefinition step)
    {
        var unit = plan.Variables.Resolve(step.Unit);
        var assignee = plan.Variables.Resolve(step.Assignee);
        if ((TooLong(step.Unit, unit, "unit") ?? TooLong(step.Assignee, assignee, "assignee")) is { } tooLong) return tooLong;
        var budget = step.Budget;
        var own = budget is { } b ? calendar.Add(plan.Now, b, unit).ToUniversalTime() : (DateTimeOffset?)null;
        var item = new WorkItemRecord
        {
            Id = Guid.CreateVersion7(plan.Now), InstanceId = plan.InstanceId, TokenId = token.Id,
            DefinitionId = instance.DefinitionId, BusinessKey = instance.BusinessKey, StepId = step.Id, Title = step.Title,
            Branch = token.Scope?.Branch, Role = step.Role ?? "", UnitId = unit, Assignee = assignee,
            Status = nameof(WorkItemStatus.Open), Budget = budget?.ToString(), CreatedAt = plan.Now,
            DueAt = Earliest(own, token.BranchDueAt),
        };
        plan.OpenedWorkItems.Add(item);
        plan.RecordText("WorkItemOpened", null, null, step.Id, null, null, item.Id, JsonText.Object(item, static (w, i) =>
        {
            w.Write("role", i.Role);
            w.Write("unit", i.UnitId);
            w.Write("assignee", i.Assignee);
            w.Write("dueAt", i.DueAt);
            w.Write("branch", i.Branch);
        }));
        plan.Emit(EngineEventTypes.WorkItemOpened, JsonSerializer.Serialize(new WorkItemOpened(
            item.Id, item.InstanceId, item.DefinitionId, item.BusinessKey, item.StepId, item.Title, item.Role,
            item.UnitId, item.Assignee, item.CreatedAt, item.DueAt), EngineEventJson.Default.WorkItemOpened), workItemId: item.Id);
        if (item.DueAt is { } due)
            plan.NewTimers.AddRange(DeadlineTimers.OfWorkItem(calendar, plan.Now, plan.InstanceId, token.Id, step, item.Id, due, unit).Select(t => t.Timer));
        return null;
    }

    private static EngineError? TooLong(string? expression, string? value, string property) =>
        value is { Length: > Lengths.Id }
            ? new EngineError(EngineErrorCode.InvalidData, $"The {property} of the step ('{value[..20]}…') is longer than {Lengths.Id} characters.",
                ValueExpression.VariableName(expression) ?? property)
            : null;

    internal static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private void AddTimer(Token token, string stepId, TimerKind kind, DateTimeOffset due, JsonObject? data = null) =>
        plan.NewTimers.Add(DeadlineTimers.New(plan.Now, plan.InstanceId, token.Id, stepId, kind, due, data));

    /// <summary>An automatic step's <c>set</c> and <c>emit</c>: pure, so they run inside the transition.</summary>
    private EngineError? RunAutomatic(StepDefinition step)
    {
        foreach (var (name, value) in step.Set)
        {
            if (value is string s && s.StartsWith('='))
            {
                if (!Expression.TryParse(s[1..], out var expr, out var error))
                    return new EngineError(EngineErrorCode.DefinitionUnavailable, $"steps[{step.Id}].set.{name}: {error}");
                plan.Variables.Set(name, expr!.Evaluate(plan.Variables.View));
            }
            else plan.Variables.Set(name, value is null ? null : JsonSerializer.SerializeToNode(value, JsonDefaults.Options));
        }

        if (step.Emit is { } emit)
        {
            var payload = new JsonObject();
            foreach (var (key, value) in emit.Data)
                payload[key] = value is string s && s.StartsWith('$')
                    ? JsonNode.Parse(JsonSerializer.Serialize(plan.Variables.Resolve(s)))
                    : value is null ? null : JsonSerializer.SerializeToNode(value, JsonDefaults.Options);
            plan.Emit(EngineEventTypes.WorkflowMessage, JsonSerializer.SerializeToNode(new WorkflowMessage(plan.InstanceId, instance.DefinitionId,
                instance.BusinessKey, emit.Type, payload.ToJsonString()), JsonDefaults.Options)!);
        }
        return null;
    }

    /// <summary>A timer step's due time: its duration on the calendar of its unit, or the instant held in its variable.</summary>
    private DateTimeOffset? TimerDue(StepDefinition step)
    {
        if (step.Duration is { } duration)
            return calendar.Add(plan.Now, duration, plan.Variables.Resolve(step.Unit)).ToUniversalTime();
        var node = step.Until is null ? null : plan.Variables.Find(step.Until);
        return node is JsonValue v && v.TryGetValue<string>(out var text) &&
               DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUniversalTime()
            : null;
    }
}
