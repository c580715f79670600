namespace Engine.Definitions;

/// <summary>
/// The YAML keys of each model type and how each value is read. A key missing here is reported as an
/// unknown property, which catches typos such as <c>rolee</c> instead of silently ignoring them.
/// </summary>
internal static class DefinitionYamlSchema
{
    // Leaf types first: a static initialiser may only use fields declared above it.
    private static readonly Dictionary<string, PropertyReader<EmitDefinition>> Emit = new()
    {
        ["type"] = (r, e, v, p) => e.Type = r.Text(v, p) ?? "",
        ["data"] = (r, e, v, p) => e.Data = r.Scalars(v, p),
    };

    private static readonly Dictionary<string, PropertyReader<DeadlineRule>> Deadline = new()
    {
        ["after"] = (r, d, v, p) => d.After = r.Time(v, p),
        ["do"] = (r, d, v, p) => d.Do = r.Enum<DeadlineAction>(v, p, "deadline action") ?? d.Do,
        ["to"] = (r, d, v, p) => d.To = r.Text(v, p),
        ["role"] = (r, d, v, p) => d.Role = r.Text(v, p),
        ["unit"] = (r, d, v, p) => d.Unit = r.Text(v, p),
    };

    private static readonly Dictionary<string, PropertyReader<BranchDefinition>> Branch = new()
    {
        ["name"] = (r, b, v, p) => b.Name = r.Text(v, p) ?? "",
        ["start"] = (r, b, v, p) => b.Start = r.Text(v, p) ?? "",
        ["budget"] = (r, b, v, p) => b.Budget = r.Time(v, p),
        ["unit"] = (r, b, v, p) => b.Unit = r.Text(v, p),
        ["onOverdue"] = (r, b, v, p) => b.OnOverdue = r.List(v, p, (n, dp) => r.Object(n, dp, Deadline, "do")),
    };

    private static readonly Dictionary<string, PropertyReader<ActionDefinition>> Action = new()
    {
        ["name"] = (r, a, v, p) => a.Name = r.Text(v, p) ?? "",
        ["title"] = (r, a, v, p) => a.Title = r.Text(v, p),
        ["to"] = (r, a, v, p) => a.To = r.Text(v, p) ?? "",
        ["guard"] = (r, a, v, p) => a.Guard = r.Text(v, p),
        ["commentRequired"] = (r, a, v, p) => a.CommentRequired = r.Bool(v, p),
        ["requires"] = (r, a, v, p) => a.Requires = r.TextList(v, p),
    };

    private static readonly Dictionary<string, PropertyReader<FormField>> Field = new()
    {
        ["name"] = (r, f, v, p) => f.Name = r.Text(v, p) ?? "",
        ["label"] = (r, f, v, p) => f.Label = r.Text(v, p),
        ["type"] = (r, f, v, p) => f.Type = r.Enum<FieldType>(v, p, "field type") ?? f.Type,
        ["required"] = (r, f, v, p) => f.Required = r.Bool(v, p),
        ["options"] = (r, f, v, p) => f.Options = r.TextList(v, p),
    };

    private static readonly Dictionary<string, PropertyReader<InputDefinition>> Input = new()
    {
        ["name"] = (r, i, v, p) => i.Name = r.Text(v, p) ?? "",
        ["type"] = (r, i, v, p) => i.Type = r.Enum<FieldType>(v, p, "field type") ?? i.Type,
        ["required"] = (r, i, v, p) => i.Required = r.Bool(v, p),
        ["title"] = (r, i, v, p) => i.Title = r.Text(v, p),
    };

    private static readonly Dictionary<string, PropertyReader<StepPosition>> Position = new()
    {
        ["x"] = (r, s, v, p) => s.X = r.Number(v, p) ?? 0,
        ["y"] = (r, s, v, p) => s.Y = r.Number(v, p) ?? 0,
    };

    private static readonly Dictionary<string, PropertyReader<StepDefinition>> Step = new()
    {
        ["id"] = (r, s, v, p) => s.Id = r.Text(v, p) ?? "",
        ["kind"] = (r, s, v, p) => s.Kind = r.Enum<StepKind>(v, p, "step kind") ?? s.Kind,
        ["title"] = (r, s, v, p) => s.Title = r.Text(v, p),
        ["role"] = (r, s, v, p) => s.Role = r.Text(v, p),
        ["unit"] = (r, s, v, p) => s.Unit = r.Text(v, p),
        ["assignee"] = (r, s, v, p) => s.Assignee = r.Text(v, p),
        ["budget"] = (r, s, v, p) => s.Budget = r.Time(v, p),
        ["form"] = (r, s, v, p) => s.Form = r.List(v, p, (n, fp) => r.Object(n, fp, Field)),
        ["actions"] = (r, s, v, p) => s.Actions = r.List(v, p, (n, ap) => r.Object(n, ap, Action)),
        ["onOverdue"] = (r, s, v, p) => s.OnOverdue = r.List(v, p, (n, dp) => r.Object(n, dp, Deadline, "do")),
        ["set"] = (r, s, v, p) => s.Set = r.Scalars(v, p),
        ["emit"] = (r, s, v, p) => s.Emit = r.Object(v, p, Emit),
        ["handler"] = (r, s, v, p) => s.Handler = r.Text(v, p),
        ["outputs"] = (r, s, v, p) => s.Outputs = r.TextList(v, p),
        ["duration"] = (r, s, v, p) => s.Duration = r.Time(v, p),
        ["until"] = (r, s, v, p) => s.Until = r.Text(v, p),
        ["branches"] = (r, s, v, p) => s.Branches = r.List(v, p, (n, bp) => r.Object(n, bp, Branch)),
        ["join"] = (r, s, v, p) => s.Join = r.Text(v, p),
        ["next"] = (r, s, v, p) => s.Next = r.Text(v, p),
        ["outcome"] = (r, s, v, p) => s.Outcome = r.Text(v, p),
    };

    public static readonly Dictionary<string, PropertyReader<WorkflowDefinition>> Definition = new()
    {
        ["id"] = (r, d, v, p) => d.Id = r.Text(v, p) ?? "",
        ["version"] = (r, d, v, p) => d.Version = r.Int(v, p) ?? 0,
        ["title"] = (r, d, v, p) => d.Title = r.Text(v, p) ?? "",
        ["description"] = (r, d, v, p) => d.Description = r.Text(v, p),
        ["legalLimit"] = (r, d, v, p) => d.LegalLimit = r.Time(v, p),
        ["start"] = (r, d, v, p) => d.Start = r.Text(v, p),
        ["inputs"] = (r, d, v, p) => d.Inputs = r.List(v, p, (n, ip) => r.Object(n, ip, Input)),
        ["steps"] = (r, d, v, p) => d.Steps = r.List(v, p, (n, sp) => r.Object(n, sp, Step, "kind")),
        ["layout"] = (r, d, v, p) => d.Layout = r.Map(v, p, (n, lp) => r.Object(n, lp, Position, "x", "y")),
    };
}
