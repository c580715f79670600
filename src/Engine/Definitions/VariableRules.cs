using Engine.Expressions;

namespace Engine.Definitions;

/// <summary>
/// Every variable a definition reads must be defined in it: an input, a form field, a key of a <c>set</c> or a
/// handler's output. A misspelt name reads as null at run time, so a guard is silently false and a unit or assignee
/// silently empty. Of a dotted path (<c>applicant.age</c>) the first name must be defined. Values that do not parse
/// or are not references are reported by the step rules, not here.
/// </summary>
internal static class VariableRules
{
    private const string Hint = "(define it as an input, a form field, a 'set' or a handler output)";

    public static void Check(WorkflowDefinition definition, ProblemList problems)
    {
        var reads = new Reads(Defined(definition), problems);
        for (var i = 0; i < definition.Steps.Count; i++)
        {
            var step = definition.Steps[i];
            var path = $"steps[{i}]";
            switch (step.Kind)
            {
                case StepKind.Human:
                    reads.Reference(step.Unit, $"{path}.unit");
                    reads.Reference(step.Assignee, $"{path}.assignee");
                    for (var j = 0; j < step.Actions.Count; j++) reads.Expression(step.Actions[j].Guard, $"{path}.actions[{j}].guard");
                    reads.Escalations(step.OnOverdue, $"{path}.onOverdue");
                    break;
                case StepKind.Automatic:
                    foreach (var (name, value) in step.Set)
                        if (value is string text && text.StartsWith('=')) reads.Expression(text[1..], $"{path}.set.{name}");
                    foreach (var (name, value) in step.Emit?.Data ?? [])
                        reads.Reference(value as string, $"{path}.emit.data.{name}");
                    break;
                case StepKind.Timer:
                    if (step.Until is { } until && Names.Variable().IsMatch(until)) reads.Path(until, $"{path}.until");
                    reads.Reference(step.Unit, $"{path}.unit");
                    break;
                case StepKind.Split:
                    for (var b = 0; b < step.Branches.Count; b++)
                    {
                        reads.Reference(step.Branches[b].Unit, $"{path}.branches[{b}].unit");
                        reads.Escalations(step.Branches[b].OnOverdue, $"{path}.branches[{b}].onOverdue");
                    }
                    break;
            }
        }
    }

    /// <summary>
    /// Names from every step whatever its kind: a form on the wrong kind of step is reported once, as such, rather than
    /// again for each read of its fields.
    /// </summary>
    private static HashSet<string> Defined(WorkflowDefinition definition)
    {
        var names = new HashSet<string>(definition.Inputs.Select(i => i.Name), StringComparer.Ordinal);
        foreach (var step in definition.Steps)
        {
            names.UnionWith(step.Form.Select(f => f.Name));
            names.UnionWith(step.Set.Keys);
            names.UnionWith(step.Outputs);
        }
        return names;
    }

    private sealed class Reads(HashSet<string> defined, ProblemList problems)
    {
        public void Expression(string? text, string path)
        {
            if (text is null || !Expressions.Expression.TryParse(text, out var expression, out _)) return;
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var variable in expression!.Variables())
                if (reported.Add(First(variable))) Path(variable, path);
        }

        public void Reference(string? value, string path)
        {
            if (ValueExpression.VariableName(value) is { } variable) Path(variable, path);
        }

        public void Escalations(List<DeadlineRule> rules, string path)
        {
            // The unit of a rule that does not escalate is refused as such by the deadline rules.
            for (var k = 0; k < rules.Count; k++)
                if (rules[k].Do == DeadlineAction.Escalate) Reference(rules[k].Unit, $"{path}[{k}].unit");
        }

        public void Path(string variable, string path)
        {
            var name = First(variable);
            if (!defined.Contains(name)) problems.Add(path, $"variable '{name}' is not defined {Hint}");
        }

        private static string First(string variable) => variable.Split('.')[0];
    }
}
