namespace Engine.Definitions;

/// <summary>
/// What changed between two versions of a definition, for review before publishing and for deciding how
/// running instances can be migrated.
/// </summary>
public static class DefinitionDiff
{
    public static IReadOnlyList<DefinitionChange> Compare(WorkflowDefinition from, WorkflowDefinition to)
    {
        var changes = new ChangeList();
        changes.Value("id", from.Id, to.Id);
        changes.Value("version", from.Version.ToString(), to.Version.ToString());
        changes.Value("title", from.Title, to.Title);
        changes.Value("description", from.Description, to.Description);
        changes.Value("legalLimit", from.LegalLimit, to.LegalLimit);
        // The effective start, so moving the first step (with no explicit start) shows as a change.
        changes.Value("start", from.StartStepId, to.StartStepId);
        changes.Keyed("inputs", from.Inputs, to.Inputs, i => i.Name, i => Kind(i.Type), (path, a, b) =>
        {
            changes.Value($"{path}.type", Kind(a.Type), Kind(b.Type));
            changes.Value($"{path}.required", a.Required, b.Required);
            changes.Value($"{path}.title", a.Title, b.Title);
        });
        changes.Keyed("steps", from.Steps, to.Steps, s => s.Id, s => StepRules.Kind(s.Kind), (path, a, b) => Step(changes, path, a, b));
        return changes;
    }

    private static void Step(ChangeList changes, string path, StepDefinition a, StepDefinition b)
    {
        changes.Value($"{path}.kind", StepRules.Kind(a.Kind), StepRules.Kind(b.Kind));
        changes.Value($"{path}.title", a.Title, b.Title);
        changes.Value($"{path}.role", a.Role, b.Role);
        changes.Value($"{path}.unit", a.Unit, b.Unit);
        changes.Value($"{path}.assignee", a.Assignee, b.Assignee);
        changes.Value($"{path}.budget", a.Budget, b.Budget);
        changes.Keyed($"{path}.form", a.Form, b.Form, f => f.Name, f => Kind(f.Type), (p, x, y) =>
        {
            changes.Value($"{p}.label", x.Label, y.Label);
            changes.Value($"{p}.type", Kind(x.Type), Kind(y.Type));
            changes.Value($"{p}.required", x.Required, y.Required);
            changes.Value($"{p}.options", x.Options, y.Options);
        });
        changes.Keyed($"{path}.actions", a.Actions, b.Actions, x => x.Name, x => x.To, (p, x, y) =>
        {
            changes.Value($"{p}.title", x.Title, y.Title);
            changes.Value($"{p}.to", x.To, y.To);
            changes.Value($"{p}.guard", x.Guard, y.Guard);
            changes.Value($"{p}.commentRequired", x.CommentRequired, y.CommentRequired);
            changes.Value($"{p}.requires", x.Requires, y.Requires);
        });
        Deadlines(changes, $"{path}.onOverdue", a.OnOverdue, b.OnOverdue);
        changes.Values($"{path}.set", a.Set, b.Set);
        Emit(changes, $"{path}.emit", a.Emit, b.Emit);
        changes.Value($"{path}.handler", a.Handler, b.Handler);
        changes.Value($"{path}.outputs", a.Outputs, b.Outputs);
        changes.Value($"{path}.duration", a.Duration, b.Duration);
        changes.Value($"{path}.until", a.Until, b.Until);
        changes.Keyed($"{path}.branches", a.Branches, b.Branches, x => x.Name, x => x.Start, (p, x, y) =>
        {
            changes.Value($"{p}.start", x.Start, y.Start);
            changes.Value($"{p}.budget", x.Budget, y.Budget);
            changes.Value($"{p}.unit", x.Unit, y.Unit);
            Deadlines(changes, $"{p}.onOverdue", x.OnOverdue, y.OnOverdue);
        });
        changes.Value($"{path}.join", a.Join, b.Join);
        changes.Value($"{path}.next", a.Next, b.Next);
        changes.Value($"{path}.outcome", a.Outcome, b.Outcome);
    }

    /// <summary>Deadline rules have no name: compared by position, each as one line.</summary>
    private static void Deadlines(ChangeList changes, string path, List<DeadlineRule> a, List<DeadlineRule> b)
    {
        for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
        {
            var before = i < a.Count ? Describe(a[i]) : null;
            var after = i < b.Count ? Describe(b[i]) : null;
            if (before is null) changes.Add(new DefinitionChange(DefinitionChangeKind.Added, $"{path}[{i}]", null, after));
            else if (after is null) changes.Add(new DefinitionChange(DefinitionChangeKind.Removed, $"{path}[{i}]", before, null));
            else changes.Value($"{path}[{i}]", before, after);
        }
    }

    private static string Describe(DeadlineRule rule) =>
        string.Join(" ", new[] { $"after {rule.After ?? WorkingTime.Zero}", System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(rule.Do.ToString()),
            rule.To is null ? null : $"to {rule.To}", rule.Role is null ? null : $"role {rule.Role}", rule.Unit is null ? null : $"unit {rule.Unit}" }
            .Where(p => p is not null));

    private static void Emit(ChangeList changes, string path, EmitDefinition? a, EmitDefinition? b)
    {
        if (a is null && b is null) return;
        if (a is null || b is null)
        {
            changes.Add(new DefinitionChange(a is null ? DefinitionChangeKind.Added : DefinitionChangeKind.Removed, path, a?.Type, b?.Type));
            return;
        }
        changes.Value($"{path}.type", a.Type, b.Type);
        changes.Values($"{path}.data", a.Data, b.Data);
    }

    private static string Kind(FieldType type) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(type.ToString());
}
