using Engine.Definitions;

namespace Api.Ui;

public sealed record DiagramNode(string Id, string Label, StepKind Kind, int Layer, int Column, double X, double Y)
{
    /// <summary>The label broken at word boundaries into the lines that fit the box, so nothing is cut off.</summary>
    public IReadOnlyList<string> Lines => DiagramLayout.Wrap(Label);
}

public sealed record DiagramEdge(string From, string To, string? Label, bool Backwards);

public sealed record Diagram(IReadOnlyList<DiagramNode> Nodes, IReadOnlyList<DiagramEdge> Edges, double Width, double Height);

/// <summary>
/// Lays a workflow definition out as layers: each step sits one layer below the first step that reaches it (breadth-first from the
/// start), so the main path reads top to bottom; edges to an earlier layer (send back, supplement loops) are marked backwards.
/// </summary>
public static class DiagramLayout
{
    /// <summary>Sizes in CSS pixels at 100 %: two boxes of a layer fit a 390-px phone; a label of up to 3 lines × 18 characters fits a box.</summary>
    public const double NodeWidth = 150, NodeHeight = 60, ColumnGap = 16, LayerGap = 36, Margin = 8;

    public const int LineChars = 18, MaxLines = 3;

    /// <summary>Breaks a label into at most <see cref="MaxLines"/> lines of about <see cref="LineChars"/> characters; a last line that overflows ends with "…".</summary>
    public static IReadOnlyList<string> Wrap(string label)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length == 0) line = word;
            else if (line.Length + 1 + word.Length <= LineChars) line += " " + word;
            else { lines.Add(line); line = word; }
        }
        if (line.Length > 0) lines.Add(line);
        if (lines.Count <= MaxLines && lines.All(l => l.Length <= LineChars)) return lines;
        var kept = lines.Take(MaxLines).Select(l => l.Length <= LineChars ? l : l[..(LineChars - 1)] + "…").ToList();
        if (lines.Count > MaxLines) kept[^1] = (kept[^1].Length < LineChars ? kept[^1] : kept[^1][..(LineChars - 1)]) + "…";
        return kept;
    }

    public static IReadOnlyList<(string To, string? Label)> Targets(StepDefinition step)
    {
        var targets = new List<(string, string?)>();
        targets.AddRange(step.Actions.Select(a => (a.To, (string?)(a.Title ?? a.Name))));
        targets.AddRange(step.Branches.Select(b => (b.Start, (string?)b.Name)));
        if (step.Next is { Length: > 0 } next) targets.Add((next, null));
        return targets.Where(t => t.Item1.Length > 0).ToList();
    }

    public static Diagram Compute(WorkflowDefinition definition)
    {
        var layers = new Dictionary<string, int>();
        if (definition.StartStepId is { } start && definition.FindStep(start) is not null)
        {
            var queue = new Queue<string>([start]);
            layers[start] = 0;
            while (queue.TryDequeue(out var id))
                foreach (var (to, _) in Targets(definition.FindStep(id)!))
                    if (definition.FindStep(to) is not null && layers.TryAdd(to, layers[id] + 1)) queue.Enqueue(to);
        }
        // Unreachable steps still show, in a last layer, so a draft's mistakes are visible.
        var last = layers.Count == 0 ? 0 : layers.Values.Max() + 1;
        foreach (var s in definition.Steps) layers.TryAdd(s.Id, last);

        var nodes = new List<DiagramNode>();
        foreach (var group in definition.Steps.GroupBy(s => layers[s.Id]).OrderBy(g => g.Key))
        {
            var column = 0;
            foreach (var s in group)
            {
                nodes.Add(new DiagramNode(s.Id, s.Title ?? s.Id, s.Kind, group.Key, column,
                    Margin + column * (NodeWidth + ColumnGap), Margin + group.Key * (NodeHeight + LayerGap)));
                column++;
            }
        }
        var edges = definition.Steps.SelectMany(s => Targets(s).Where(t => layers.ContainsKey(t.To))
            .Select(t => new DiagramEdge(s.Id, t.To, t.Label, layers[t.To] <= layers[s.Id]))).ToList();
        var width = nodes.Count == 0 ? 0 : nodes.Max(n => n.X) + NodeWidth + Margin;
        var height = nodes.Count == 0 ? 0 : nodes.Max(n => n.Y) + NodeHeight + Margin;
        return new Diagram(nodes, edges, width, height);
    }
}
