using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Calendar;
using Engine.Definitions;
using Engine.Expressions;
using Engine.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Runtime;

/// <summary>
/// Moves tokens through a definition until every token waits (on a work item, a timer or a join) or the
/// instance ends. Pure with respect to storage: it only fills a <see cref="TransitionPlan"/>.
/// </summary>
internal sealed class Executor(
    WorkflowDefinition definition,
    InstanceHeader instance,
    TransitionPlan plan,
    IWorkingCalendar calendar,
    StepHandlerRegistry handlers,
    IServiceProvider services)
{
    private const int MaxStepsPerTransition = 1_000;
    private int _steps;

    /// <summary>Moves <paramref name="token"/> into <paramref name="stepId"/> and runs on from there.</summary>
    public async ValueTask<EngineError?> EnterAsync(Token token, string stepId, string? actor, CancellationToken ct)
    {
        while (true)
        {
            if (plan.Status != InstanceStatus.Running) return null;
            if (++_steps > MaxStepsPerTransition)
                return new EngineError(EngineErrorCode.DefinitionUnavailable, $"More than {MaxStepsPerTransition} automatic steps in one transition: the definition loops.");
            var step = definition.FindStep(stepId);
            if (step is null) return new EngineError(EngineErrorCode.DefinitionUnavailable, $"Step '{stepId}' does not exist in {definition.Id} v{definition.Version}.");
            token = token with { StepId = step.Id, State = TokenState.Waiting };

            switch (step.Kind)
            {
                case StepKind.Human:
                    OpenWorkItem(token, step);
                    plan.Tokens.Add(token);
                    return null;

                case StepKind.Automatic:
                    if (await RunAutomaticAsync(step, ct) is { } autoError) return autoError;
                    plan.Record("Automatic", actor, step.Id, step.Next);
                    stepId = step.Next!;
                    continue;

                case StepKind.Timer:
                    var due = TimerDue(step);
                    if (due is null) return new EngineError(EngineErrorCode.InvalidData, $"Variable '{step.Until}' does not hold a date and time.", step.Until);
                    if (due <= plan.Now) { plan.Record("TimerFired", null, step.Id, step.Next); stepId = step.Next!; continue; }
                    plan.NewTimers.Add(new TimerRecord
                    {
                        Id = Guid.CreateVersion7(plan.Now), InstanceId = plan.InstanceId, TokenId = token.Id, StepId = step.Id,
                        DueAt = due.Value, Status = nameof(TimerStatus.Pending), CreatedAt = plan.Now,
                    });
                    plan.Tokens.Add(token);
                    plan.Record("TimerStarted", actor, step.Id, data: new JsonObject { ["dueAt"] = due.Value });
                    return null;

                case StepKind.Split:
                    return await SplitAsync(token, step, actor, ct);

                case StepKind.Join:
                    var (joined, next) = ArriveAtJoin(token, step);
                    if (!joined) return null;
                    token = next!;
                    stepId = step.Next!;
                    continue;

                case StepKind.End:
                    End(step, actor);
                    return null;

                default:
                    return new EngineError(EngineErrorCode.DefinitionUnavailable, $"Unknown step kind '{step.Kind}'.");
            }
        }
    }

    private void OpenWorkItem(Token token, StepDefinition step)
    {
        var unit = ValueExpression.Resolve(step.Unit, plan.Variables);
        var budget = step.Budget;
        var item = new WorkItemRecord
        {
            Id = Guid.CreateVersion7(plan.Now), InstanceId = plan.InstanceId, TokenId = token.Id,
            DefinitionId = instance.DefinitionId, BusinessKey = instance.BusinessKey, StepId = step.Id, Title = step.Title,
            Branch = token.Scope?.Branch, Role = step.Role ?? "", UnitId = unit,
            Assignee = ValueExpression.Resolve(step.Assignee, plan.Variables),
            Status = nameof(WorkItemStatus.Open), Budget = budget?.ToString(), CreatedAt = plan.Now,
            DueAt = budget is { } b ? calendar.Add(plan.Now, b, unit).ToUniversalTime() : null,
        };
        plan.OpenedWorkItems.Add(item);
        plan.Record("WorkItemOpened", null, to: step.Id, workItemId: item.Id, data: new JsonObject
        {
            ["role"] = item.Role, ["unit"] = item.UnitId, ["assignee"] = item.Assignee, ["dueAt"] = item.DueAt, ["branch"] = item.Branch,
        });
        plan.Emit(EngineEventTypes.WorkItemOpened, JsonSerializer.SerializeToNode(new WorkItemOpened(
            item.Id, item.InstanceId, item.DefinitionId, item.BusinessKey, item.StepId, item.Title, item.Role,
            item.UnitId, item.Assignee, item.CreatedAt, item.DueAt), JsonDefaults.Options)!);
    }

    private async ValueTask<EngineError?> RunAutomaticAsync(StepDefinition step, CancellationToken ct)
    {
        foreach (var (name, value) in step.Set)
        {
            if (value is string s && s.StartsWith('='))
            {
                if (!Expression.TryParse(s[1..], out var expr, out var error))
                    return new EngineError(EngineErrorCode.DefinitionUnavailable, $"steps[{step.Id}].set.{name}: {error}");
                plan.Variables[name] = expr!.Evaluate(plan.Variables)?.DeepClone();
            }
            else plan.Variables[name] = value is null ? null : JsonSerializer.SerializeToNode(value, JsonDefaults.Options);
        }

        if (step.Emit is { } emit)
        {
            var payload = new JsonObject();
            foreach (var (key, value) in emit.Data)
                payload[key] = value is string s && s.StartsWith('$')
                    ? JsonNode.Parse(JsonSerializer.Serialize(ValueExpression.Resolve(s, plan.Variables)))
                    : value is null ? null : JsonSerializer.SerializeToNode(value, JsonDefaults.Options);
            plan.Emit(EngineEventTypes.WorkflowMessage, JsonSerializer.SerializeToNode(new WorkflowMessage(plan.InstanceId, instance.DefinitionId,
                instance.BusinessKey, emit.Type, payload.ToJsonString()), JsonDefaults.Options)!);
        }

        if (step.Handler is { } handlerName)
        {
            var type = handlers.Find(handlerName);
            if (type is null) return new EngineError(EngineErrorCode.DefinitionUnavailable, $"No handler named '{handlerName}' is registered.");
            var handler = (IStepHandler)ActivatorUtilities.GetServiceOrCreateInstance(services, type);
            var context = new StepHandlerContext(plan.InstanceId, instance.DefinitionId, instance.BusinessKey, step.Id, plan.Variables, plan.Now, services);
            await handler.ExecuteAsync(context, ct);
            plan.Emit(context.Messages);
        }
        return null;
    }

    private DateTimeOffset? TimerDue(StepDefinition step)
    {
        if (step.Duration is { } duration) return calendar.Add(plan.Now, duration).ToUniversalTime();
        var node = step.Until is null ? null : Lookup(plan.Variables, step.Until);
        return node is JsonValue v && v.TryGetValue<string>(out var text) &&
               DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUniversalTime()
            : null;
    }

    private async ValueTask<EngineError?> SplitAsync(Token token, StepDefinition split, string? actor, CancellationToken ct)
    {
        var activation = Guid.CreateVersion7(plan.Now);
        plan.Record("Split", actor, split.Id, data: new JsonObject { ["branches"] = new JsonArray(split.Branches.Select(b => (JsonNode)b.Name).ToArray()) });
        foreach (var branch in split.Branches)
        {
            var scope = new BranchScope(activation, split.Id, split.Join!, branch.Name,
                branch.Budget is { } b ? calendar.Add(plan.Now, b).ToUniversalTime() : null);
            var child = new Token(Guid.CreateVersion7(plan.Now), branch.Start, TokenState.Waiting, [.. token.Scopes, scope]);
            if (await EnterAsync(child, branch.Start, actor, ct) is { } error) return error;
        }
        return null;
    }

    private (bool Joined, Token? Next) ArriveAtJoin(Token token, StepDefinition join)
    {
        var scope = token.Scope;
        var late = scope?.DueAt is { } due && plan.Now > due;
        plan.Record("BranchArrived", null, join.Id, data: new JsonObject
        {
            ["branch"] = scope?.Branch, ["dueAt"] = scope?.DueAt, ["late"] = late,
        });
        if (scope is null) return (true, token);
        plan.Tokens.Add(token with { State = TokenState.AtJoin, StepId = join.Id });
        var split = definition.FindStep(scope.SplitStepId)!;
        var arrived = plan.Tokens.Where(t => t.State == TokenState.AtJoin && t.Scope?.Activation == scope.Activation).ToList();
        if (arrived.Count < split.Branches.Count) return (false, null);
        plan.Tokens.RemoveAll(t => arrived.Contains(t));
        plan.Record("Joined", null, join.Id, join.Next);
        return (true, new Token(Guid.CreateVersion7(plan.Now), join.Id, TokenState.Waiting, token.Scopes.Take(token.Scopes.Count - 1).ToList()));
    }

    private void End(StepDefinition step, string? actor)
    {
        plan.Status = InstanceStatus.Completed;
        plan.Outcome = step.Outcome;
        plan.Tokens.Clear();
        plan.CloseEverythingOpen = true;
        plan.Record("Completed", actor, step.Id, data: new JsonObject { ["outcome"] = step.Outcome });
        plan.Emit(EngineEventTypes.InstanceCompleted, JsonSerializer.SerializeToNode(new InstanceCompleted(
            plan.InstanceId, instance.DefinitionId, instance.BusinessKey, step.Outcome ?? "", plan.Now), JsonDefaults.Options)!);
    }

    internal static JsonNode? Lookup(JsonObject variables, string path)
    {
        JsonNode? node = variables;
        foreach (var part in path.TrimStart('$').Split('.'))
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var child) ? child : null;
        return node;
    }
}

/// <summary>The instance facts an executor needs besides its plan.</summary>
internal sealed record InstanceHeader(Guid Id, string DefinitionId, int Version, string? BusinessKey);
