using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Definitions;
using Engine.Expressions;
using Engine.Persistence;

namespace Engine.Runtime;

internal sealed partial class Executor
{
    private async ValueTask<EngineError?> SplitAsync(Token token, StepDefinition split, string? actor, CancellationToken ct)
    {
        var activation = Guid.CreateVersion7(plan.Now);
        plan.Record("Split", actor, split.Id, data: new JsonObject { ["branches"] = new JsonArray(split.Branches.Select(b => (JsonNode)b.Name).ToArray()) });
        foreach (var branch in split.Branches)
        {
            var unit = plan.Variables.Resolve(branch.Unit);
            var due = branch.Budget is { } b ? calendar.Add(plan.Now, b, unit).ToUniversalTime() : (DateTimeOffset?)null;
            var scope = new BranchScope(activation, split.Id, split.Join!, branch.Name, due, plan.Now);
            var child = new Token(Guid.CreateVersion7(plan.Now), branch.Start, TokenState.Waiting, [.. token.Scopes, scope]);
            if (due is { } branchDue)
                plan.NewTimers.AddRange(DeadlineTimers.OfBranch(calendar, plan.Now, plan.InstanceId, child.Id, split.Id, activation, branch, branchDue, unit)
                    .Select(t => t.Timer));
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
        var split = definition.FindStep(scope.SplitStepId)!;
        if (split.Branches.Find(b => b.Name == scope.Branch) is { OnOverdue.Count: > 0 })
            plan.ArrivedBranches.Add((scope.Activation, scope.Branch));
        plan.Tokens.Add(token with { State = TokenState.AtJoin, StepId = join.Id });
        var arrived = plan.Tokens.Where(t => t.State == TokenState.AtJoin && t.Scope?.Activation == scope.Activation).ToList();
        if (arrived.Count < split.Branches.Count) return (false, null);
        plan.Tokens.RemoveAll(t => arrived.Contains(t));
        plan.Record("Joined", null, join.Id, join.Next);
        return (true, new Token(Guid.CreateVersion7(plan.Now), join.Id, TokenState.Waiting, token.Scopes.Take(token.Scopes.Count - 1).ToList()));
    }

    /// <summary>
    /// Ends the instance. Work this transition opened on other branches was never really open: it is dropped with its
    /// messages. Work opened before is cancelled with the write (<see cref="TransitionPlan.CloseEverythingOpen"/>).
    /// </summary>
    private void End(StepDefinition step, string? actor)
    {
        plan.Status = InstanceStatus.Completed;
        plan.Outcome = step.Outcome;
        plan.Tokens.Clear();
        plan.DropOpenedWork();
        plan.CloseEverythingOpen = true;
        plan.Record("Completed", actor, step.Id, data: new JsonObject { ["outcome"] = step.Outcome });
        plan.Emit(EngineEventTypes.InstanceCompleted, JsonSerializer.SerializeToNode(new InstanceCompleted(
            plan.InstanceId, instance.DefinitionId, instance.BusinessKey, step.Outcome ?? "", plan.Now), JsonDefaults.Options)!);
    }
}
