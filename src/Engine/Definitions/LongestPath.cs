namespace Engine.Definitions;

/// <summary>
/// The largest budget sum on a path from the start to an end. Back edges (send-back loops), found by one
/// depth-first search from the start, are ignored, which leaves a DAG whose longest path is memoised.
/// A split costs its most expensive branch (declared branch budget, else the longest sum inside the branch
/// up to the join), then the path goes on after the join.
/// </summary>
internal sealed class LongestPath
{
    private readonly DefinitionGraph _graph;
    private readonly HashSet<(StepDefinition, StepDefinition)> _backEdges = [];
    private readonly Dictionary<(StepDefinition, StepDefinition?), Segment> _memo = [];

    private LongestPath(DefinitionGraph graph) => _graph = graph;

    private readonly record struct Segment(WorkingTime? Total, IReadOnlyList<string> Path)
    {
        public static readonly Segment None = new(null, []);
        public decimal Hours => Total?.TotalHours ?? -1;
    }

    public static WorkingTime Compute(WorkflowDefinition definition, out IReadOnlyList<string> path)
    {
        var graph = new DefinitionGraph(definition);
        path = [];
        if (graph.Find(definition.StartStepId) is not { } start) return WorkingTime.Zero;
        var longest = new LongestPath(graph);
        longest.FindBackEdges(start, [], []);
        var segment = longest.From(start, stopAt: null);
        path = segment.Path;
        return segment.Total ?? WorkingTime.Zero;
    }

    private void FindBackEdges(StepDefinition step, HashSet<StepDefinition> onStack, HashSet<StepDefinition> done)
    {
        onStack.Add(step);
        foreach (var next in _graph.Successors(step))
        {
            if (onStack.Contains(next)) _backEdges.Add((step, next));
            else if (!done.Contains(next)) FindBackEdges(next, onStack, done);
        }
        onStack.Remove(step);
        done.Add(step);
    }

    private Segment From(StepDefinition step, StepDefinition? stopAt)
    {
        if (step == stopAt) return Segment.None;
        if (_memo.TryGetValue((step, stopAt), out var known)) return known;
        _memo[(step, stopAt)] = Segment.None; // guards against a cycle the back-edge search did not see

        Segment result;
        if (step.Kind == StepKind.Split) result = FromSplit(step, stopAt);
        else
        {
            var best = Forward(step).Select(next => From(next, stopAt)).DefaultIfEmpty(Segment.None).MaxBy(s => s.Hours);
            result = new Segment(Add(Own(step), best.Total), [step.Id, .. best.Path]);
        }
        return _memo[(step, stopAt)] = result;
    }

    private Segment FromSplit(StepDefinition split, StepDefinition? stopAt)
    {
        var join = _graph.Find(split.Join) is { Kind: StepKind.Join } j && !_backEdges.Contains((split, j)) ? j : null;
        var branch = Segment.None;
        foreach (var b in split.Branches)
        {
            if (_graph.Find(b.Start) is not { } start || _backEdges.Contains((split, start))) continue;
            var inside = From(start, join ?? stopAt);
            var cost = b.Budget is { Amount: > 0 } declared ? new Segment(declared, inside.Path) : inside;
            if (cost.Hours > branch.Hours) branch = cost;
        }
        var after = join is null ? Segment.None : From(join, stopAt);
        return new Segment(Add(branch.Total, after.Total), [split.Id, .. branch.Path, .. after.Path]);
    }

    private IEnumerable<StepDefinition> Forward(StepDefinition step) =>
        _graph.Successors(step).Where(next => !_backEdges.Contains((step, next)));

    private static WorkingTime? Own(StepDefinition step) => step.Kind switch
    {
        StepKind.Human when step.Budget is { Amount: > 0 } budget => budget,
        StepKind.Timer when step.Duration is { Amount: > 0 } duration => duration,
        _ => null,
    };

    /// <summary>Null is "nothing yet", so days stay days (Zero is in hours and would turn every sum into hours).</summary>
    private static WorkingTime? Add(WorkingTime? a, WorkingTime? b) => a is null ? b : b is null ? a : a.Value + b.Value;
}
