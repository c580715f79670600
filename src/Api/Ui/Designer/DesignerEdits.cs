using Engine.Definitions;

namespace Api.Ui.Designer;

/// <summary>
/// The changes an author makes on the canvas, each kept to what the YAML would say: a route from a human step is an action,
/// from an automatic step, a timer or a join it is <c>next</c>, from a split it is a branch (or the split's join).
/// </summary>
public static class DesignerEdits
{
    /// <summary>Adds a step of the kind at the place, with an id not taken yet; a parallel consultation brings its join.</summary>
    public static DesignNode Add(DesignerModel model, StepKind kind, double x, double y)
    {
        var step = new StepDefinition { Id = FreeId(model, Prefix(kind)), Kind = kind };
        switch (kind)
        {
            case StepKind.Human: step.Budget = WorkingTime.Days(1); break;
            case StepKind.Timer: step.Duration = WorkingTime.Days(1); break;
            case StepKind.End: step.Outcome = "approved"; break;
            case StepKind.Split:
                var join = new StepDefinition { Id = FreeId(model, "join"), Kind = StepKind.Join };
                step.Join = join.Id;
                model.Nodes.Add(new DesignNode(step, x, y));
                model.Nodes.Add(new DesignNode(join, x, y + 2 * (DiagramLayout.NodeHeight + DiagramLayout.LayerGap)));
                return model.Nodes[^2];
        }
        model.Nodes.Add(new DesignNode(step, x, y));
        return model.Nodes[^1];
    }

    /// <summary>Draws a route from one step to another; false when the source cannot have one more (an end step) or the steps are the same.</summary>
    public static bool Connect(DesignerModel model, string from, string to)
    {
        if (model.Find(from) is not { } source || model.Find(to) is not { } target || from == to) return false;
        var s = source.Step;
        switch (s.Kind)
        {
            case StepKind.Human:
                s.Actions.Add(new ActionDefinition { Name = FreeName(s.Actions.Select(a => a.Name), to), To = to });
                return true;
            case StepKind.Split when target.Step.Kind == StepKind.Join:
                s.Join = to;
                return true;
            case StepKind.Split:
                s.Branches.Add(new BranchDefinition { Name = FreeName(s.Branches.Select(b => b.Name), "branch"), Start = to });
                return true;
            case StepKind.End:
                return false;
            default:
                s.Next = to;
                return true;
        }
    }

    /// <summary>Removes the route as written in the definition.</summary>
    public static void Disconnect(DesignerModel model, DesignEdge edge)
    {
        if (model.Find(edge.From)?.Step is not { } s) return;
        switch (edge.Kind)
        {
            case DesignEdgeKind.Action when edge.Index < s.Actions.Count: s.Actions.RemoveAt(edge.Index); break;
            case DesignEdgeKind.Branch when edge.Index < s.Branches.Count: s.Branches.RemoveAt(edge.Index); break;
            case DesignEdgeKind.Move when edge.Index < s.OnOverdue.Count: s.OnOverdue.RemoveAt(edge.Index); break;
            case DesignEdgeKind.Join: s.Join = null; break;
            case DesignEdgeKind.Next: s.Next = null; break;
        }
    }

    /// <summary>Deletes a step and every route into it, so nothing points at a step that is gone.</summary>
    public static void Delete(DesignerModel model, string id)
    {
        if (model.Find(id) is not { } node) return;
        foreach (var edge in model.Edges().Where(e => e.To == id).OrderByDescending(e => e.Index)) Disconnect(model, edge);
        model.Nodes.Remove(node);
        if (model.Header.Start == id) model.Header.Start = null;
    }

    /// <summary>Gives a step another id and follows it everywhere the definition names it.</summary>
    public static bool Rename(DesignerModel model, string id, string newId)
    {
        if (model.Find(id) is not { } node || string.IsNullOrWhiteSpace(newId) || model.Find(newId) is not null) return false;
        foreach (var s in model.Nodes.Select(n => n.Step))
        {
            foreach (var a in s.Actions.Where(a => a.To == id)) a.To = newId;
            foreach (var b in s.Branches.Where(b => b.Start == id)) b.Start = newId;
            foreach (var r in s.OnOverdue.Concat(s.Branches.SelectMany(b => b.OnOverdue)).Where(r => r.To == id)) r.To = newId;
            if (s.Join == id) s.Join = newId;
            if (s.Next == id) s.Next = newId;
        }
        if (model.Header.Start == id) model.Header.Start = newId;
        node.Step.Id = newId;
        return true;
    }

    /// <summary>Places every step again as <see cref="DiagramLayout"/> would, from the start down.</summary>
    public static void AutoLayout(DesignerModel model)
    {
        var placed = DiagramLayout.Compute(model.Save()).Nodes.ToDictionary(n => n.Id, n => n);
        foreach (var node in model.Nodes)
            if (placed.TryGetValue(node.Id, out var p)) (node.X, node.Y) = (p.X, p.Y);
    }

    private static string Prefix(StepKind kind) => kind switch
    {
        StepKind.Human => "step", StepKind.Automatic => "auto", StepKind.Timer => "wait", StepKind.Split => "consult",
        StepKind.Join => "join", _ => "end",
    };

    private static string FreeId(DesignerModel model, string prefix)
    {
        for (var i = 1; ; i++)
            if (model.Find($"{prefix}-{i}") is null) return $"{prefix}-{i}";
    }

    private static string FreeName(IEnumerable<string> taken, string wanted)
    {
        var names = taken.ToHashSet(StringComparer.Ordinal);
        if (!names.Contains(wanted)) return wanted;
        for (var i = 2; ; i++)
            if (!names.Contains($"{wanted}-{i}")) return $"{wanted}-{i}";
    }
}
