namespace Engine.Definitions;

/// <summary>
/// Checks a definition before it is published and lists every problem at once, each named by its path
/// (<c>steps[3].actions[1].to</c>) so an author can fix them all in one pass.
/// </summary>
public static class DefinitionValidator
{
    public static IReadOnlyList<DefinitionProblem> Validate(WorkflowDefinition definition, DefinitionValidationContext? context = null)
    {
        var problems = new ProblemList();
        Header(definition, problems);
        var graph = new DefinitionGraph(definition);
        for (var i = 0; i < definition.Steps.Count; i++) StepRules.Check(graph, i, context, problems);
        problems.Unique(definition.Steps, s => s.Id, i => $"steps[{i}]", "id", "step id");
        RoleRules.Check(definition, context?.Roles, problems);
        VariableRules.Check(definition, problems);
        GraphRules.Check(graph, problems);
        LegalLimit(definition, problems);
        return problems;
    }

    /// <summary>
    /// The budget sum on the longest path from the start to an end, send-back loops ignored; days when every
    /// part is in days, hours otherwise. <paramref name="path"/> lists the step ids along it.
    /// </summary>
    public static WorkingTime LongestPathBudget(WorkflowDefinition definition, out IReadOnlyList<string> path) =>
        LongestPath.Compute(definition, out path);

    private static void Header(WorkflowDefinition d, ProblemList problems)
    {
        if (string.IsNullOrWhiteSpace(d.Id)) problems.Add("id", "missing id");
        else if (!Names.Slug().IsMatch(d.Id))
            problems.Add("id", $"id '{d.Id}' must be lowercase letters and digits separated by '-', such as 'building-permit'");
        if (d.Version < 1) problems.Add("version", $"version must be 1 or more, got {d.Version}");
        if (string.IsNullOrWhiteSpace(d.Title)) problems.Add("title", "missing title");
        StepRules.Positive(d.LegalLimit, "legalLimit", "legal limit", problems);
        if (d.Start is not null && d.FindStep(d.Start) is null) problems.Add("start", $"unknown step '{d.Start}'");
        if (d.Steps.Count == 0) problems.Add("steps", "a definition needs at least one step");

        for (var i = 0; i < d.Inputs.Count; i++)
        {
            var name = d.Inputs[i].Name;
            if (string.IsNullOrWhiteSpace(name)) problems.Add($"inputs[{i}].name", "missing input name");
            else if (!Names.IsPlainVariable(name))
                problems.Add($"inputs[{i}].name", $"input name '{name}' must be letters, digits and '_', not starting with a digit");
        }
        problems.Unique(d.Inputs, input => input.Name, i => $"inputs[{i}]", "name", "input");
    }

    private static void LegalLimit(WorkflowDefinition d, ProblemList problems)
    {
        if (d.LegalLimit is not { Amount: > 0 } limit) return;
        var total = LongestPathBudget(d, out var path);
        if (total > limit)
            problems.Add("legalLimit",
                $"longest path {string.Join(" → ", path)} takes {total}, above the legal limit {limit}");
    }
}
