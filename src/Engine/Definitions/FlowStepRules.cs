using Engine.Expressions;

namespace Engine.Definitions;

/// <summary>The steps no person works on: automatic, timer and split (join and end are one-liners in <see cref="StepRules"/>).</summary>
internal static class FlowStepRules
{
    public static void Automatic(DefinitionGraph graph, StepDefinition step, string path,
        DefinitionValidationContext? context, ProblemList problems)
    {
        if (step.Set.Count == 0 && step.Emit is null && string.IsNullOrWhiteSpace(step.Handler))
            problems.Add(path, $"automatic step '{step.Id}' does nothing: give it set, emit or handler");

        foreach (var (name, value) in step.Set)
            if (value is string text && text.StartsWith('=') && !Expression.TryParse(text[1..], out _, out var error))
                problems.Add($"{path}.set.{name}", error!);

        if (step.Emit is { } emit && string.IsNullOrWhiteSpace(emit.Type)) problems.Add($"{path}.emit.type", "missing message type");

        if (context is not null && !string.IsNullOrWhiteSpace(step.Handler) && !context.Handlers.Contains(step.Handler))
            problems.Add($"{path}.handler", $"unknown handler '{step.Handler}'");
        Outputs(step, path, problems);

        StepRules.Target(graph, step.Next, $"{path}.next", problems);
    }

    /// <summary>A handler's results become variables under these names, so each must be one a guard can read.</summary>
    private static void Outputs(StepDefinition step, string path, ProblemList problems)
    {
        if (step.Outputs.Count > 0 && string.IsNullOrWhiteSpace(step.Handler))
            problems.Add($"{path}.outputs", "'outputs' needs a handler: only a handler sets them");
        for (var i = 0; i < step.Outputs.Count; i++)
            if (!Names.IsPlainVariable(step.Outputs[i]))
                problems.Add($"{path}.outputs[{i}]", $"output '{step.Outputs[i]}' must be letters, digits and '_', not starting with a digit");
        problems.Unique(step.Outputs, o => o, i => $"{path}.outputs[{i}]", "", "output");
    }

    public static void Timer(DefinitionGraph graph, StepDefinition step, string path, ProblemList problems)
    {
        if (step.Duration is not null && step.Until is not null)
            problems.Add(path, $"timer '{step.Id}' needs duration or until, not both");
        else if (step.Duration is null && string.IsNullOrWhiteSpace(step.Until))
            problems.Add(path, $"timer '{step.Id}' needs duration or until");

        StepRules.Positive(step.Duration, $"{path}.duration", "duration", problems);
        if (!string.IsNullOrWhiteSpace(step.Until) && !Names.Variable().IsMatch(step.Until))
            problems.Add($"{path}.until", $"'{step.Until}' is not a variable name such as dueAt");
        StepRules.Reference(step.Unit, $"{path}.unit", problems);

        StepRules.Target(graph, step.Next, $"{path}.next", problems);
    }

    public static void Split(DefinitionGraph graph, StepDefinition step, string path, ProblemList problems)
    {
        if (step.Branches.Count < 2)
            problems.Add($"{path}.branches", $"a split needs at least 2 branches, got {step.Branches.Count}");

        for (var i = 0; i < step.Branches.Count; i++)
        {
            var branch = step.Branches[i];
            var branchPath = $"{path}.branches[{i}]";
            if (string.IsNullOrWhiteSpace(branch.Name)) problems.Add($"{branchPath}.name", "missing branch name");
            if (string.IsNullOrWhiteSpace(branch.Start)) problems.Add($"{branchPath}.start", "missing start step");
            StepRules.Target(graph, branch.Start, $"{branchPath}.start", problems);
            StepRules.Positive(branch.Budget, $"{branchPath}.budget", "budget", problems);
            StepRules.Reference(branch.Unit, $"{branchPath}.unit", problems);
            // Without a budget the branch has no due time, so its rules would never fire.
            if (branch.OnOverdue.Count > 0 && branch.Budget is null)
                problems.Add($"{branchPath}.onOverdue", $"branch '{branch.Name}' needs a budget: its deadline rules count from the branch's due time");
            DeadlineRules.Check(graph, branch.OnOverdue, $"{branchPath}.onOverdue", problems);
        }
        problems.Unique(step.Branches, b => b.Name, i => $"{path}.branches[{i}]", "name", "branch");

        if (string.IsNullOrWhiteSpace(step.Join)) problems.Add($"{path}.join", "missing join");
        else if (graph.Find(step.Join) is not { } join) problems.Add($"{path}.join", $"unknown step '{step.Join}'");
        else if (join.Kind != StepKind.Join)
            problems.Add($"{path}.join", $"step '{step.Join}' is a {StepRules.Kind(join.Kind)} step, not a join");
    }
}
