using Engine.Expressions;

namespace Engine.Definitions;

/// <summary>Rules about one step on its own: its id, the properties of its kind, and its targets' names.</summary>
internal static class StepRules
{
    /// <summary>Properties and the kinds they belong to; anything set on another kind would be silently ignored.</summary>
    private static readonly (string Name, Func<StepDefinition, bool> IsSet, StepKind[] Kinds)[] Owned =
    [
        ("role", s => s.Role is not null, [StepKind.Human]),
        ("unit", s => s.Unit is not null, [StepKind.Human, StepKind.Timer]),
        ("assignee", s => s.Assignee is not null, [StepKind.Human]),
        ("budget", s => s.Budget is not null, [StepKind.Human]),
        ("form", s => s.Form.Count > 0, [StepKind.Human]),
        ("actions", s => s.Actions.Count > 0, [StepKind.Human]),
        ("onOverdue", s => s.OnOverdue.Count > 0, [StepKind.Human]),
        ("set", s => s.Set.Count > 0, [StepKind.Automatic]),
        ("emit", s => s.Emit is not null, [StepKind.Automatic]),
        ("handler", s => s.Handler is not null, [StepKind.Automatic]),
        ("outputs", s => s.Outputs.Count > 0, [StepKind.Automatic]),
        ("duration", s => s.Duration is not null, [StepKind.Timer]),
        ("until", s => s.Until is not null, [StepKind.Timer]),
        ("branches", s => s.Branches.Count > 0, [StepKind.Split]),
        ("join", s => s.Join is not null, [StepKind.Split]),
        ("next", s => s.Next is not null, [StepKind.Automatic, StepKind.Timer, StepKind.Join]),
        ("outcome", s => s.Outcome is not null, [StepKind.End]),
    ];

    public static void Check(DefinitionGraph graph, int index, DefinitionValidationContext? context, ProblemList problems)
    {
        var step = graph.Steps[index];
        var path = $"steps[{index}]";
        if (string.IsNullOrWhiteSpace(step.Id)) problems.Add($"{path}.id", "missing step id");
        else if (!Names.StepId().IsMatch(step.Id))
            problems.Add($"{path}.id", $"step id '{step.Id}' must be lowercase letters and digits separated by '-' or '_'");

        foreach (var (name, isSet, kinds) in Owned)
            if (isSet(step) && !kinds.Contains(step.Kind))
                problems.Add($"{path}.{name}", $"'{name}' does not apply to a {Kind(step.Kind)} step");

        switch (step.Kind)
        {
            case StepKind.Human: HumanStepRules.Check(graph, step, path, problems); break;
            case StepKind.Automatic: FlowStepRules.Automatic(graph, step, path, context, problems); break;
            case StepKind.Timer: FlowStepRules.Timer(graph, step, path, problems); break;
            case StepKind.Split: FlowStepRules.Split(graph, step, path, problems); break;
            case StepKind.Join: Target(graph, step.Next, $"{path}.next", problems); break;
            case StepKind.End:
                if (string.IsNullOrWhiteSpace(step.Outcome)) problems.Add($"{path}.outcome", "missing outcome");
                break;
        }
    }

    /// <summary>An unknown target; a missing one is reported by the caller or as a dead end.</summary>
    public static void Target(DefinitionGraph graph, string? target, string path, ProblemList problems)
    {
        if (!string.IsNullOrEmpty(target) && graph.Find(target) is null) problems.Add(path, $"unknown step '{target}'");
    }

    /// <summary>A value starting with '$' is meant as a variable; catch a malformed one before it runs as a literal.</summary>
    public static void Reference(string? value, string path, ProblemList problems)
    {
        if (value is not null && value.TrimStart().StartsWith('$') && ValueExpression.VariableName(value) is null)
            problems.Add(path, $"'{value}' is not a variable reference such as $name or ${{name}}");
    }

    public static void Positive(WorkingTime? time, string path, string what, ProblemList problems)
    {
        if (time is { } t && t.Amount <= 0) problems.Add(path, $"{what} must be positive, got '{t}'");
    }

    public static string Kind(StepKind kind) => kind.ToString().ToLowerInvariant();
}
