using Engine.Definitions;

namespace Api.Ui.Designer;

/// <summary>A step on the designer's canvas: the step as the definition holds it, and where it is drawn.</summary>
public sealed class DesignNode(StepDefinition step, double x, double y)
{
    public StepDefinition Step { get; } = step;
    public double X { get; set; } = x;
    public double Y { get; set; } = y;
    public string Id => Step.Id;
    public string Label => string.IsNullOrWhiteSpace(Step.Title) ? Step.Id : Step.Title;
}

/// <summary>What a route is in the definition: a human step's action, a <c>next</c>, a split's branch or join, or a deadline's move.</summary>
public enum DesignEdgeKind { Action, Next, Branch, Join, Move }

/// <summary>
/// A route drawn between two steps. <see cref="Path"/> is where the definition writes it (<c>steps[2].actions[0]</c>), so a
/// validation problem found at that path, or below it, is shown on this route.
/// </summary>
public sealed record DesignEdge(string From, string To, DesignEdgeKind Kind, int Index, string Path, string? Label, string? Guard);

/// <summary>
/// The designer's model of a workflow definition: its header and steps as the YAML holds them (every property, so saving
/// never loses what the canvas does not draw), each step placed on the canvas. Opened from a definition, saved back into one;
/// positions travel in the definition's <c>layout</c>, and steps without one are placed by <see cref="DiagramLayout"/>.
/// </summary>
public sealed class DesignerModel
{
    private DesignerModel(WorkflowDefinition header, List<DesignNode> nodes)
    {
        Header = header;
        Nodes = nodes;
    }

    /// <summary>Id, version, title, description, legal limit, start and inputs; its steps and layout are the nodes'.</summary>
    public WorkflowDefinition Header { get; }

    /// <summary>The steps in the definition's order (which decides the default start).</summary>
    public List<DesignNode> Nodes { get; }

    public DesignNode? Find(string? id) => id is null ? null : Nodes.Find(n => n.Id == id);

    public static DesignerModel Open(WorkflowDefinition definition)
    {
        var copy = DefinitionJson.Deserialize(DefinitionJson.Serialize(definition));
        var placed = DiagramLayout.Compute(copy).Nodes.ToDictionary(n => n.Id, n => (n.X, n.Y));
        var nodes = copy.Steps.Select(s => copy.Layout.TryGetValue(s.Id, out var at)
                ? new DesignNode(s, at.X, at.Y)
                : placed.TryGetValue(s.Id, out var auto) ? new DesignNode(s, auto.X, auto.Y) : new DesignNode(s, 0, 0))
            .ToList();
        copy.Steps = [];
        copy.Layout = [];
        return new DesignerModel(copy, nodes);
    }

    /// <summary>
    /// A new procedure: a header with the inputs every procedure of the library receives (workflows/README.md: the dossier's code,
    /// the one-stop desk and the processing unit), and nothing drawn yet.
    /// </summary>
    public static DesignerModel New(string id, string title) =>
        new(new WorkflowDefinition
        {
            Id = id, Version = 1, Title = title,
            Inputs =
            [
                new() { Name = "dossierCode", Type = FieldType.Text, Required = true, Title = "Mã hồ sơ" },
                new() { Name = "receivingUnit", Type = FieldType.Unit, Required = true, Title = "Bộ phận tiếp nhận và trả kết quả" },
                new() { Name = "processingUnit", Type = FieldType.Unit, Required = true, Title = "Đơn vị giải quyết" },
            ],
        }, []);

    /// <summary>The definition as drawn: a copy, so later edits on the canvas never change what was saved.</summary>
    public WorkflowDefinition Save()
    {
        var definition = DefinitionJson.Deserialize(DefinitionJson.Serialize(Header));
        definition.Steps = Nodes.Select(n => Clone(n.Step)).ToList();
        definition.Layout = Nodes.Where(n => n.Id.Length > 0)
            .GroupBy(n => n.Id).ToDictionary(g => g.Key, g => new StepPosition { X = Math.Round(g.First().X), Y = Math.Round(g.First().Y) });
        return definition;
    }

    /// <summary>Every route of every step, as the validator's graph sees them (targets that name no step are left out).</summary>
    public IReadOnlyList<DesignEdge> Edges()
    {
        var edges = new List<DesignEdge>();
        for (var i = 0; i < Nodes.Count; i++)
        {
            var s = Nodes[i].Step;
            var at = $"steps[{i}]";
            for (var k = 0; k < s.Actions.Count; k++)
                edges.Add(new(s.Id, s.Actions[k].To, DesignEdgeKind.Action, k, $"{at}.actions[{k}]", s.Actions[k].Title ?? s.Actions[k].Name, s.Actions[k].Guard));
            if (s.Kind != StepKind.End && s.Kind != StepKind.Human && s.Kind != StepKind.Split && !string.IsNullOrEmpty(s.Next))
                edges.Add(new(s.Id, s.Next, DesignEdgeKind.Next, 0, $"{at}.next", null, null));
            if (s.Kind == StepKind.Split)
            {
                for (var k = 0; k < s.Branches.Count; k++)
                    edges.Add(new(s.Id, s.Branches[k].Start, DesignEdgeKind.Branch, k, $"{at}.branches[{k}]", s.Branches[k].Name, null));
                if (!string.IsNullOrEmpty(s.Join)) edges.Add(new(s.Id, s.Join, DesignEdgeKind.Join, 0, $"{at}.join", null, null));
            }
            for (var k = 0; k < s.OnOverdue.Count; k++)
                if (s.OnOverdue[k] is { Do: DeadlineAction.Move, To: { Length: > 0 } to })
                    edges.Add(new(s.Id, to, DesignEdgeKind.Move, k, $"{at}.onOverdue[{k}]", null, null));
        }
        return edges.Where(e => Find(e.To) is not null).ToList();
    }

    private static StepDefinition Clone(StepDefinition step)
    {
        var holder = new WorkflowDefinition { Steps = [step] };
        return DefinitionJson.Deserialize(DefinitionJson.Serialize(holder)).Steps[0];
    }
}
