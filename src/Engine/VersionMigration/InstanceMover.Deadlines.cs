using System.Text.Json.Nodes;
using Engine.Definitions;
using Engine.Expressions;
using Engine.Persistence;
using Engine.Runtime;

namespace Engine.VersionMigration;

internal sealed partial class InstanceMover
{
    /// <summary>
    /// The new version's deadline rules for every open work item (from its due time) and every branch still working (from
    /// the branch's due time), as the executor would have created them. A rule that already fired under the old version and
    /// is the same rule in the new one is not created again: nobody is reminded or escalated twice for one lateness.
    /// </summary>
    private void RecreateDeadlines(InstanceSnapshot snapshot, InstanceMove move, DateTimeOffset now)
    {
        var instance = snapshot.Instance;
        var fired = snapshot.Timers.Where(t => !t.Pending).ToList();
        foreach (var item in snapshot.WorkItems)
        {
            if (item.DueAt is not { } due) continue;
            var step = map.Target(item.StepId)!;
            var applied = fired.Where(t => t.Kind == TimerKind.Deadline && t.WorkItemId == item.Id)
                .Select(t => Rule(versions.From.FindStep(t.StepId)?.OnOverdue, t.Rule)).OfType<DeadlineRule>().ToList();
            foreach (var (k, timer) in DeadlineTimers.OfWorkItem(calendar, now, instance.Id, item.TokenId, step, item.Id, due, item.UnitId))
                if (!applied.Any(rule => Same(rule, step.OnOverdue[k])))
                    Create(move, timer, item.Id, $"{RulePath(step.Id, null, k)} {Action(step.OnOverdue[k])}");
        }

        JsonObject? variables = null;
        foreach (var (scope, tokenId) in WorkingBranches(instance.Tokens))
        {
            if (scope.DueAt is not { } due) continue;
            var split = map.Target(scope.SplitStepId)!;
            var branch = split.Branches.Find(b => b.Name == scope.Branch)!;
            if (branch.OnOverdue.Count == 0) continue;
            var unit = branch.Unit is null ? null : ValueExpression.Resolve(branch.Unit, variables ??= JsonNode.Parse(instance.Variables)!.AsObject());
            var before = versions.From.FindStep(scope.SplitStepId)?.Branches.Find(b => b.Name == scope.Branch);
            var applied = fired.Where(t => t.Kind == TimerKind.BranchDeadline && t.Activation == scope.Activation && t.Branch == scope.Branch)
                .Select(t => Rule(before?.OnOverdue, t.Rule)).OfType<DeadlineRule>().ToList();
            foreach (var (k, timer) in DeadlineTimers.OfBranch(calendar, now, instance.Id, tokenId, split.Id, scope.Activation, branch, due, unit))
                if (!applied.Any(rule => Same(rule, branch.OnOverdue[k])))
                    Create(move, timer, scope.Activation, $"{RulePath(split.Id, branch.Name, k)} {Action(branch.OnOverdue[k])}");
        }
    }

    private static void Create(InstanceMove move, TimerRecord timer, Guid watched, string rule)
    {
        move.NewTimers.Add(timer);
        move.Changes.Add(new(MigrationChangeKind.DeadlineCreated, watched, null, $"{rule} at {timer.DueAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}"));
    }

    /// <summary>
    /// Each branch some path is still working in (not yet waiting at that branch's join), once, with a path inside it: the
    /// token a branch deadline is written against.
    /// </summary>
    private static IEnumerable<(BranchScope Scope, Guid TokenId)> WorkingBranches(IEnumerable<Runtime.Token> tokens)
    {
        var seen = new HashSet<(Guid, string)>();
        foreach (var token in tokens)
            for (var depth = 0; depth < token.Scopes.Count; depth++)
            {
                var scope = token.Scopes[depth];
                var arrived = depth == token.Scopes.Count - 1 && token.State == TokenState.AtJoin;
                if (!arrived && seen.Add((scope.Activation, scope.Branch))) yield return (scope, token.Id);
            }
    }

    private static DeadlineRule? Rule(List<DeadlineRule>? rules, int? k) => rules is not null && k is >= 0 && k < rules.Count ? rules[k.Value] : null;

    /// <summary>The same rule: same action after the same time, to the same role and unit, or to the mapped target.</summary>
    private bool Same(DeadlineRule old, DeadlineRule rule) =>
        old.Do == rule.Do && (old.After ?? WorkingTime.Zero) == (rule.After ?? WorkingTime.Zero) && old.Role == rule.Role && old.Unit == rule.Unit
        && (old.To is null ? rule.To is null : map.Map(old.To) == rule.To);

    private static string Action(DeadlineRule rule) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(rule.Do.ToString());
}
