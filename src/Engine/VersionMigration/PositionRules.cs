using System.Collections.Concurrent;
using Engine.Definitions;
using Engine.Runtime;

namespace Engine.VersionMigration;

/// <summary>
/// Whether an instance can stand where the mapping puts it in the new version. Every step where it waits (a work item, a
/// timer, a handler call, branches at a join) must map to a step of the same kind; a path inside a split branch must land
/// inside the same branch of the mapped split, and branches waiting at a join must wait at that split's join, or the join
/// would never complete; and the mapped split must have no branch this instance never started, for the same reason.
/// </summary>
internal sealed class PositionRules(WorkflowDefinition from, WorkflowDefinition to, StepMap map)
{
    // Shared by the connections of one migration, which check their instances at the same time.
    private readonly ConcurrentDictionary<(string Split, string Branch), HashSet<string>> _inside = [];

    public List<MigrationProblem> Check(InstanceSnapshot snapshot)
    {
        var problems = new List<MigrationProblem>();
        var id = snapshot.Instance.Id;
        var tokens = snapshot.Instance.Tokens;
        var waits = tokens.Select(t => t.StepId)
            .Concat(snapshot.WorkItems.Select(w => w.StepId))
            .Concat(snapshot.Timers.Where(t => t.Pending && t.Kind is TimerKind.Step or TimerKind.Handler).Select(t => t.StepId));
        foreach (var stepId in waits.Distinct()) CheckWait(stepId, id, problems);
        foreach (var token in tokens)
            for (var depth = 0; depth < token.Scopes.Count; depth++) CheckScope(token, depth, id, problems);
        foreach (var activation in tokens.SelectMany(t => t.Scopes).GroupBy(s => s.Activation)) CheckStarted(activation.ToList(), id, problems);
        return problems.Distinct().ToList();
    }

    private void CheckWait(string stepId, Guid instance, List<MigrationProblem> problems)
    {
        var path = $"steps[{stepId}]";
        var before = from.FindStep(stepId);
        var after = map.Target(stepId);
        if (before is null)
            problems.Add(new(path, $"The instance waits at '{stepId}', which is not a step of version {from.Version}.", instance));
        else if (after is null)
            problems.Add(new(path, $"The instance waits at {StepMap.Kind(before)} step '{stepId}', which has no step in version {to.Version}: map it.", instance));
        else if (after.Kind != before.Kind)
            problems.Add(new(path, $"The instance waits at {StepMap.Kind(before)} step '{stepId}', mapped {map.How(stepId)} to {StepMap.Kind(after)} " +
                $"step '{after.Id}' of version {to.Version}: it needs a {StepMap.Kind(before)} step.", instance));
        else if (before.Kind == StepKind.Automatic && after.Handler is null)
            problems.Add(new(path, $"A handler call waits at '{stepId}', but '{after.Id}' of version {to.Version} calls no handler.", instance));
    }

    private void CheckScope(Token token, int depth, Guid instance, List<MigrationProblem> problems)
    {
        var scope = token.Scopes[depth];
        if (Branch(scope, instance, problems) is not var (split, _)) return;
        var atItsJoin = depth == token.Scopes.Count - 1 && token.State == TokenState.AtJoin;
        if (atItsJoin)
        {
            if (map.Map(token.StepId) is { } join && join != split.Join)
                problems.Add(new($"steps[{token.StepId}]", $"Branch '{scope.Branch}' waits at join '{token.StepId}', which maps to '{join}', " +
                    $"but split '{split.Id}' of version {to.Version} joins at '{split.Join}': the join would never complete.", instance));
            return;
        }
        if (map.Map(token.StepId) is { } step && !Inside(split, scope.Branch).Contains(step))
            problems.Add(new($"steps[{token.StepId}]", $"'{token.StepId}' is inside branch '{scope.Branch}' of '{scope.SplitStepId}', but '{step}' is " +
                $"not inside branch '{scope.Branch}' of '{split.Id}' in version {to.Version}: the branch would never reach its join.", instance));
    }

    /// <summary>Every branch of the mapped split must have been started by this activation, or its join waits for ever.</summary>
    private void CheckStarted(List<BranchScope> scopes, Guid instance, List<MigrationProblem> problems)
    {
        if (map.Target(scopes[0].SplitStepId) is not { Kind: StepKind.Split } split) return; // reported with the branch
        var started = scopes.Select(s => s.Branch).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in split.Branches.Where(b => !started.Contains(b.Name)))
            problems.Add(new($"steps[{scopes[0].SplitStepId}].branches", $"Split '{split.Id}' of version {to.Version} has branch '{missing.Name}', " +
                "which this instance never started: its join would never complete.", instance));
    }

    /// <summary>The mapped split and its branch of the same name; a problem when either is missing.</summary>
    private (StepDefinition Split, BranchDefinition Branch)? Branch(BranchScope scope, Guid instance, List<MigrationProblem> problems)
    {
        var split = map.Target(scope.SplitStepId);
        if (split is not { Kind: StepKind.Split })
        {
            problems.Add(new($"steps[{scope.SplitStepId}]", $"Branches of split '{scope.SplitStepId}' are running, but it has no split in " +
                $"version {to.Version}.", instance));
            return null;
        }
        if (split.Branches.Find(b => b.Name == scope.Branch) is { } branch) return (split, branch);
        problems.Add(new($"steps[{scope.SplitStepId}].branches[{scope.Branch}]", $"Branch '{scope.Branch}' is running, but split '{split.Id}' " +
            $"of version {to.Version} has no branch of that name.", instance));
        return null;
    }

    /// <summary>
    /// Steps of the new version inside a branch: reachable from its start, or from a deadline rule's move, without going
    /// past the split's join.
    /// </summary>
    private HashSet<string> Inside(StepDefinition split, string branchName) => _inside.GetOrAdd((split.Id, branchName), _ => Walk(split, branchName));

    private HashSet<string> Walk(StepDefinition split, string branchName)
    {
        var branch = split.Branches.Find(b => b.Name == branchName)!;
        var inside = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(branch.OnOverdue.Select(r => r.To).OfType<string>().Prepend(branch.Start));
        while (queue.TryDequeue(out var id))
        {
            if (id == split.Join || !inside.Add(id) || to.FindStep(id) is not { } step) continue;
            foreach (var next in DefinitionGraph.Targets(step).Concat(step.OnOverdue.Select(r => r.To).OfType<string>())) queue.Enqueue(next);
        }
        return inside;
    }
}
