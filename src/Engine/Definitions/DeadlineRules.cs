using System.Text.Json;

namespace Engine.Definitions;

/// <summary>
/// The deadline rules (<c>onOverdue</c>) of a human step or a split branch, each on its own: a property that its action
/// does not use would be ignored at run time, so it is refused instead. Whether a <c>move</c> stays inside its branch
/// is <see cref="BranchBoundaryRules"/>' business, and an escalation's role by <see cref="RoleRules"/>.
/// </summary>
internal static class DeadlineRules
{
    public static void Check(DefinitionGraph graph, IReadOnlyList<DeadlineRule> rules, string path, ProblemList problems)
    {
        for (var k = 0; k < rules.Count; k++) Rule(graph, rules[k], $"{path}[{k}]", problems);
    }

    public static string Name(DeadlineAction action) => JsonNamingPolicy.CamelCase.ConvertName(action.ToString());

    private static void Rule(DefinitionGraph graph, DeadlineRule rule, string path, ProblemList problems)
    {
        if (rule.After is { Amount: < 0 } after) problems.Add($"{path}.after", $"after must not be negative, got '{after}'");

        if (rule.Do == DeadlineAction.Move)
        {
            if (string.IsNullOrWhiteSpace(rule.To)) problems.Add($"{path}.to", "missing target step: 'move' needs 'to'");
            StepRules.Target(graph, rule.To, $"{path}.to", problems);
        }
        else if (rule.To is not null) NotFor(rule, "to", "move", path, problems);

        if (rule.Do == DeadlineAction.Escalate)
        {
            if (string.IsNullOrWhiteSpace(rule.Role) && string.IsNullOrWhiteSpace(rule.Unit))
                problems.Add(path, "'escalate' needs a role or a unit to hand the work to");
            StepRules.Reference(rule.Unit, $"{path}.unit", problems);
        }
        else
        {
            if (rule.Role is not null) NotFor(rule, "role", "escalate", path, problems);
            if (rule.Unit is not null) NotFor(rule, "unit", "escalate", path, problems);
        }
    }

    private static void NotFor(DeadlineRule rule, string property, string owner, string path, ProblemList problems) =>
        problems.Add($"{path}.{property}", $"'{property}' applies only to '{owner}', not to '{Name(rule.Do)}'");
}
