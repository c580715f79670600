using Engine.Calendar;
using Engine.Definitions;
using Engine.Runtime;

namespace Engine.VersionMigration;

/// <summary>
/// Computes the move of one instance from its snapshot: the same code for the dry run and, under the instance's lock, for
/// the real one, so the plan lists what the migration then does. Nobody's clock restarts: due times of work items,
/// branches and timers are kept; only the deadline rules are re-derived from them, by the new version's rules.
/// </summary>
internal sealed partial class InstanceMover(MigrationVersions versions, StepMap map, IWorkingCalendar calendar)
{
    private readonly PositionRules _rules = new(versions.From, versions.To, map);

    public MigrationVersions Versions => versions;
    public StepMap Map => map;

    /// <summary>The move, or (when the instance cannot stand where the mapping puts it) the problems and no move.</summary>
    public (InstanceMove? Move, List<MigrationProblem> Problems) Plan(InstanceSnapshot snapshot, DateTimeOffset now)
    {
        var problems = _rules.Check(snapshot);
        if (problems.Count > 0) return (null, problems);
        var move = new InstanceMove();
        MoveTokens(snapshot, move);
        MoveWorkItems(snapshot, move);
        MoveTimers(snapshot, move);
        RecreateDeadlines(snapshot, move, now);
        return (move, problems);
    }

    private void MoveTokens(InstanceSnapshot snapshot, InstanceMove move)
    {
        var scopesSeen = new HashSet<(Guid, string)>();
        foreach (var token in snapshot.Instance.Tokens)
        {
            var step = Use(token.StepId, move);
            var scopes = new List<BranchScope>(token.Scopes.Count);
            foreach (var scope in token.Scopes)
            {
                var split = map.Target(scope.SplitStepId)!;
                Use(scope.SplitStepId, move);
                var moved = scope with { SplitStepId = split.Id, JoinStepId = split.Join! };
                if (moved != scope && scopesSeen.Add((scope.Activation, scope.Branch)))
                    move.Changes.Add(new(MigrationChangeKind.BranchScope, scope.Activation, Describe(scope), Describe(moved)));
                scopes.Add(moved);
            }
            move.Tokens.Add(token with { StepId = step, Scopes = scopes });
            if (step != token.StepId) move.Changes.Add(new(MigrationChangeKind.TokenStep, token.Id, token.StepId, step));
        }
    }

    private void MoveWorkItems(InstanceSnapshot snapshot, InstanceMove move)
    {
        foreach (var item in snapshot.WorkItems)
        {
            var before = versions.From.FindStep(item.StepId)!;
            var after = versions.To.FindStep(Use(item.StepId, move))!;
            // An escalated item keeps the role its deadline rule gave it: a migration does not undo an escalation.
            var role = item.Role == (before.Role ?? "") ? after.Role ?? "" : item.Role;
            var budget = after.Budget?.ToString();
            var changes = move.Changes.Count;
            Change(move, MigrationChangeKind.WorkItemStep, item.Id, item.StepId, after.Id);
            Change(move, MigrationChangeKind.WorkItemRole, item.Id, item.Role, role);
            Change(move, MigrationChangeKind.WorkItemTitle, item.Id, item.Title, after.Title);
            Change(move, MigrationChangeKind.WorkItemBudget, item.Id, item.Budget, budget);
            if (move.Changes.Count > changes) move.WorkItems.Add(new(item.Id, after.Id, after.Title, role, budget));
        }
    }

    private void MoveTimers(InstanceSnapshot snapshot, InstanceMove move)
    {
        foreach (var timer in snapshot.Timers.Where(t => t.Pending))
        {
            if (timer.Kind is TimerKind.Step or TimerKind.Handler)
            {
                var step = Use(timer.StepId, move);
                if (step == timer.StepId) continue;
                move.TimerSteps.Add((timer.Id, step));
                move.Changes.Add(new(MigrationChangeKind.TimerStep, timer.Id, timer.StepId, step));
                continue;
            }
            // Every pending deadline rule goes, the moved items' and branches' alike: none may name a step of the old version.
            move.CancelledTimers.Add(timer.Id);
            move.Changes.Add(new(MigrationChangeKind.DeadlineCancelled, timer.Id, RulePath(timer.StepId, timer.Kind == TimerKind.BranchDeadline
                ? timer.Branch : null, timer.Rule), null));
        }
    }

    private string Use(string stepId, InstanceMove move) => move.Mapping[stepId] = map.Map(stepId)!;

    private static void Change(InstanceMove move, MigrationChangeKind kind, Guid id, string? from, string? to)
    {
        if (from != to) move.Changes.Add(new(kind, id, from, to));
    }

    private static string Describe(BranchScope scope) => $"{scope.SplitStepId}/{scope.Branch} (join {scope.JoinStepId})";

    private static string RulePath(string stepId, string? branch, int? rule) =>
        branch is null ? $"steps[{stepId}].onOverdue[{rule}]" : $"steps[{stepId}].branches[{branch}].onOverdue[{rule}]";
}
