using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Calendar;
using Engine.Definitions;
using Engine.Expressions;
using Engine.Persistence;

namespace Engine.Runtime;

/// <summary>
/// Moves tokens through a definition until every token waits (on a work item, a timer or a join) or the
/// instance ends. Pure with respect to storage: it only fills a <see cref="TransitionPlan"/>.
/// </summary>
internal sealed partial class Executor(
    WorkflowDefinition definition,
    InstanceHeader instance,
    TransitionPlan plan,
    IWorkingCalendar calendar,
    StepHandlerRegistry handlers)
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
                    if (OpenWorkItem(token, step) is { } openError) return openError;
                    plan.Tokens.Add(token);
                    return null;

                case StepKind.Automatic:
                    if (RunAutomatic(step) is { } autoError) return autoError;
                    if (step.Handler is { } handler)
                    {
                        if (handlers.Find(handler) is null)
                            return new EngineError(EngineErrorCode.DefinitionUnavailable, $"No handler named '{handler}' is registered.");
                        // The call to another system waits for this transition to commit; the token waits here meanwhile.
                        AddTimer(token, step.Id, TimerKind.Handler, plan.Now, new JsonObject { ["handler"] = handler });
                        plan.Tokens.Add(token);
                        plan.Record("HandlerScheduled", actor, step.Id, data: new JsonObject { ["handler"] = handler });
                        return null;
                    }
                    plan.Record("Automatic", actor, step.Id, step.Next);
                    stepId = step.Next!;
                    continue;

                case StepKind.Timer:
                    var due = TimerDue(step);
                    if (due is null) return new EngineError(EngineErrorCode.InvalidData, $"Variable '{step.Until}' does not hold a date and time.", step.Until);
                    if (due <= plan.Now) { plan.Record("TimerFired", null, step.Id, step.Next); stepId = step.Next!; continue; }
                    AddTimer(token, step.Id, TimerKind.Step, due.Value);
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
}

/// <summary>The instance facts an executor needs besides its plan.</summary>
internal sealed record InstanceHeader(Guid Id, string DefinitionId, int Version, string? BusinessKey);
