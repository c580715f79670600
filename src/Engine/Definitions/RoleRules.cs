namespace Engine.Definitions;

/// <summary>
/// Every role a definition hands work to must be one the host declares: a misspelt role opens work items that no
/// official can ever see, so the case stops without anyone noticing.
/// </summary>
internal static class RoleRules
{
    public static void Check(WorkflowDefinition definition, IReadOnlySet<string>? roles, ProblemList problems)
    {
        if (roles is null) return;
        var declared = roles.Count == 0 ? "none declared" : "declared: " + string.Join(", ", roles.Order(StringComparer.Ordinal));
        for (var i = 0; i < definition.Steps.Count; i++)
        {
            var step = definition.Steps[i];
            // A role or rule on a step kind that has none is reported as such, not a second time here.
            if (step.Kind == StepKind.Human)
            {
                Role(step.Role, $"steps[{i}].role", roles, declared, problems);
                Escalations(step.OnOverdue, $"steps[{i}].onOverdue", roles, declared, problems);
            }
            else if (step.Kind == StepKind.Split)
                for (var b = 0; b < step.Branches.Count; b++)
                    Escalations(step.Branches[b].OnOverdue, $"steps[{i}].branches[{b}].onOverdue", roles, declared, problems);
        }
    }

    private static void Escalations(List<DeadlineRule> rules, string path, IReadOnlySet<string> roles, string declared, ProblemList problems)
    {
        for (var k = 0; k < rules.Count; k++)
            if (rules[k].Do == DeadlineAction.Escalate) Role(rules[k].Role, $"{path}[{k}].role", roles, declared, problems);
    }

    private static void Role(string? role, string path, IReadOnlySet<string> roles, string declared, ProblemList problems)
    {
        if (!string.IsNullOrWhiteSpace(role) && !roles.Contains(role)) problems.Add(path, $"unknown role '{role}' ({declared})");
    }
}
