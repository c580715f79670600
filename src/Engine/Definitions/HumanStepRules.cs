using Engine.Expressions;

namespace Engine.Definitions;

/// <summary>A human step: who works on it, for how long, with which form, and the actions that leave it.</summary>
internal static class HumanStepRules
{
    public static void Check(DefinitionGraph graph, StepDefinition step, string path, ProblemList problems)
    {
        if (string.IsNullOrWhiteSpace(step.Role)) problems.Add($"{path}.role", "missing role");
        if (step.Budget is null) problems.Add($"{path}.budget", "missing budget");
        StepRules.Positive(step.Budget, $"{path}.budget", "budget", problems);
        StepRules.Reference(step.Unit, $"{path}.unit", problems);
        StepRules.Reference(step.Assignee, $"{path}.assignee", problems);
        DeadlineRules.Check(graph, step.OnOverdue, $"{path}.onOverdue", problems);

        for (var i = 0; i < step.Form.Count; i++)
        {
            var field = step.Form[i];
            if (string.IsNullOrWhiteSpace(field.Name)) problems.Add($"{path}.form[{i}].name", "missing field name");
            if (field.Type == FieldType.Select && field.Options.Count == 0)
                problems.Add($"{path}.form[{i}].options", $"select field '{field.Name}' needs options");
        }
        problems.Unique(step.Form, f => f.Name, i => $"{path}.form[{i}]", "name", "field");

        var fields = step.Form.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < step.Actions.Count; i++) Action(graph, step.Actions[i], $"{path}.actions[{i}]", fields, problems);
        problems.Unique(step.Actions, a => a.Name, i => $"{path}.actions[{i}]", "name", "action");
    }

    private static void Action(DefinitionGraph graph, ActionDefinition action, string path, HashSet<string> fields,
        ProblemList problems)
    {
        if (string.IsNullOrWhiteSpace(action.Name)) problems.Add($"{path}.name", "missing action name");
        else if (!Names.StepId().IsMatch(action.Name))
            problems.Add($"{path}.name", $"action name '{action.Name}' must be lowercase letters and digits separated by '-' or '_'");

        if (string.IsNullOrWhiteSpace(action.To)) problems.Add($"{path}.to", "missing target step");
        StepRules.Target(graph, action.To, $"{path}.to", problems);

        if (action.Guard is not null && !Expression.TryParse(action.Guard, out _, out var error))
            problems.Add($"{path}.guard", error!);

        for (var i = 0; i < action.Requires.Count; i++)
            if (!fields.Contains(action.Requires[i]))
                problems.Add($"{path}.requires[{i}]", $"'{action.Requires[i]}' is not a field of the step's form");
    }
}
