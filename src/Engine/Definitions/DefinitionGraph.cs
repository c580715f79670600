namespace Engine.Definitions;

/// <summary>A step id written in a step, with the path of the property that holds it (<c>actions[1].to</c>).</summary>
internal readonly record struct StepReference(string Path, string Target);

/// <summary>
/// The steps as a graph: edges are action targets, <c>next</c>, deadline <c>move</c> targets, branch starts and a
/// split's join (the join is entered through the branches, but counting it keeps one broken branch from hiding what
/// follows). A branch's own deadline rules move from wherever the branch is, so their edges start at the split.
/// </summary>
internal sealed class DefinitionGraph
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public DefinitionGraph(WorkflowDefinition definition)
    {
        Definition = definition;
        for (var i = 0; i < definition.Steps.Count; i++)
            if (definition.Steps[i].Id is { Length: > 0 } id) _index.TryAdd(id, i);
    }

    public WorkflowDefinition Definition { get; }

    public IReadOnlyList<StepDefinition> Steps => Definition.Steps;

    /// <summary>The first step with this id; a later duplicate is never found.</summary>
    public StepDefinition? Find(string? id) => id is not null && _index.TryGetValue(id, out var i) ? Steps[i] : null;

    public int IndexOf(string id) => _index.TryGetValue(id, out var i) ? i : -1;

    /// <summary>True for the step that owns its id (not a later duplicate).</summary>
    public bool IsFirst(int index) => _index.TryGetValue(Steps[index].Id, out var i) && i == index;

    /// <summary>Every target as written, including empty and unknown ones.</summary>
    public static IEnumerable<string> Targets(StepDefinition step) => References(step).Select(r => r.Target);

    /// <summary>Every edge of the step with where it is written; a <c>move</c> without <c>to</c> is an empty target.</summary>
    public static IEnumerable<StepReference> References(StepDefinition step) => step.Kind switch
    {
        StepKind.Human => step.Actions.Select((a, i) => new StepReference($"actions[{i}].to", a.To))
            .Concat(Moves(step.OnOverdue, "onOverdue")),
        StepKind.Split => step.Branches.SelectMany((b, i) => Moves(b.OnOverdue, $"branches[{i}].onOverdue")
                .Prepend(new StepReference($"branches[{i}].start", b.Start)))
            .Append(new StepReference("join", step.Join ?? "")),
        StepKind.End => [],
        _ => step.Next is null ? [] : [new StepReference("next", step.Next)],
    };

    private static IEnumerable<StepReference> Moves(List<DeadlineRule> rules, string path) =>
        rules.Select((r, k) => (r, k)).Where(x => x.r.Do == DeadlineAction.Move)
            .Select(x => new StepReference($"{path}[{x.k}].to", x.r.To ?? ""));

    public IEnumerable<StepDefinition> Successors(StepDefinition step) =>
        Targets(step).Select(Find).OfType<StepDefinition>().Distinct();

    public static bool HasWayOut(StepDefinition step) => step.Kind switch
    {
        StepKind.Human => step.Actions.Count > 0,
        StepKind.Split => step.Branches.Count > 0,
        StepKind.End => true,
        _ => !string.IsNullOrEmpty(step.Next),
    };

    /// <summary>A step whose own problem (no way out, missing or unknown target) is reported elsewhere.</summary>
    public bool IsBroken(StepDefinition step) => !HasWayOut(step) || Targets(step).Any(t => Find(t) is null);

    /// <summary>Steps reachable from <paramref name="start"/>, without going past <paramref name="stopAt"/>.</summary>
    public HashSet<StepDefinition> ReachableFrom(StepDefinition start, StepDefinition? stopAt = null)
    {
        var seen = new HashSet<StepDefinition> { start };
        var queue = new Queue<StepDefinition>([start]);
        while (queue.TryDequeue(out var step))
        {
            if (step == stopAt) continue;
            foreach (var next in Successors(step))
                if (seen.Add(next)) queue.Enqueue(next);
        }
        return seen;
    }

    /// <summary>Steps from which some step in <paramref name="targets"/> can be reached (targets included).</summary>
    public HashSet<StepDefinition> CanReach(IEnumerable<StepDefinition> targets)
    {
        var predecessors = Steps.Where((_, i) => IsFirst(i))
            .SelectMany(s => Successors(s).Select(next => (next, s)))
            .ToLookup(e => e.next, e => e.s);
        var seen = new HashSet<StepDefinition>(targets);
        var queue = new Queue<StepDefinition>(seen);
        while (queue.TryDequeue(out var step))
            foreach (var previous in predecessors[step])
                if (seen.Add(previous)) queue.Enqueue(previous);
        return seen;
    }
}
