namespace Engine.Definitions;

/// <summary>
/// A branch is the steps reachable from its start before its join. A branch step may lead only to a step of its own
/// branch, to the split's join or to an end step: a token that wanders into the main flow, back to the split or into
/// another branch runs steps twice and never arrives at the join. Each offending reference is reported once, at its
/// path; "never reaches the join" follows that reference out of the branch, so it does not blame the same cause again.
/// </summary>
internal static class BranchBoundaryRules
{
    public static void Check(DefinitionGraph graph, ProblemList problems)
    {
        var splits = new List<(int Index, StepDefinition Join, Dictionary<StepDefinition, int> Owners)>();
        for (var i = 0; i < graph.Steps.Count; i++)
            if (graph.Steps[i] is { Kind: StepKind.Split } split && graph.IsFirst(i) && graph.Find(split.Join) is { Kind: StepKind.Join } join)
                splits.Add((i, join, Owners(graph, split, join)));
        // A nested split's branches lie inside an outer branch and are smaller: checked first, a reference that leaves
        // both is reported once, against the join it should have gone to.
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (index, join, owners) in splits.OrderBy(s => s.Owners.Count))
            Split(graph, index, join, owners, reported, problems);
    }

    private static void Split(DefinitionGraph graph, int index, StepDefinition join, Dictionary<StepDefinition, int> owners,
        HashSet<string> reported, ProblemList problems)
    {
        var split = graph.Steps[index];
        bool Inside(StepDefinition target, int branch) =>
            target == join || target.Kind == StepKind.End || owners.TryGetValue(target, out var owner) && owner == branch;
        void Report(string path, string message)
        {
            if (reported.Add(path)) problems.Add(path, $"{message}, outside the branch: a branch ends at join '{join.Id}' or an end step");
        }

        for (var k = 0; k < graph.Steps.Count; k++)
        {
            var step = graph.Steps[k];
            if (!owners.TryGetValue(step, out var branch) || !graph.IsFirst(k)) continue;
            foreach (var (property, target) in DefinitionGraph.References(step))
                if (graph.Find(target) is { } to && !Inside(to, branch))
                    Report($"steps[{k}].{property}", $"step '{step.Id}' of branch '{split.Branches[branch].Name}' (split '{split.Id}') leads to '{to.Id}'");
        }
        for (var b = 0; b < split.Branches.Count; b++)
            for (var r = 0; r < split.Branches[b].OnOverdue.Count; r++)
                if (split.Branches[b].OnOverdue[r] is { Do: DeadlineAction.Move } rule && graph.Find(rule.To) is { } to && !Inside(to, b))
                    Report($"steps[{index}].branches[{b}].onOverdue[{r}].to",
                        $"branch '{split.Branches[b].Name}' (split '{split.Id}') moves to '{to.Id}' when overdue");
    }

    /// <summary>
    /// The branch (its index) of each step inside the split. Outside are the steps the main flow reaches without entering
    /// this split's branches, and the split itself. A step reached from two branches belongs to the one whose start is
    /// nearer (the first one on a tie), so the reference that crosses over is the one reported.
    /// </summary>
    private static Dictionary<StepDefinition, int> Owners(DefinitionGraph graph, StepDefinition split, StepDefinition join)
    {
        var outside = MainFlow(graph, split, join);
        var owners = new Dictionary<StepDefinition, int>();
        var queue = new Queue<StepDefinition>();
        for (var b = 0; b < split.Branches.Count; b++)
            if (graph.Find(split.Branches[b].Start) is { } start && start != join && start.Kind != StepKind.End && owners.TryAdd(start, b))
                queue.Enqueue(start);
        while (queue.TryDequeue(out var step))
            foreach (var next in graph.Successors(step))
                if (next != join && next.Kind != StepKind.End && !outside.Contains(next) && owners.TryAdd(next, owners[step]))
                    queue.Enqueue(next);
        return owners;
    }

    /// <summary>
    /// Never through a branch start: another split closed by the same join (reported as such) may start branches there,
    /// and its branches are not this split's main flow.
    /// </summary>
    private static HashSet<StepDefinition> MainFlow(DefinitionGraph graph, StepDefinition split, StepDefinition join)
    {
        var starts = split.Branches.Select(b => graph.Find(b.Start)).OfType<StepDefinition>().ToHashSet();
        var seen = new HashSet<StepDefinition> { split };
        var queue = new Queue<StepDefinition>([split]);
        if (graph.Find(graph.Definition.StartStepId) is { } start && seen.Add(start)) queue.Enqueue(start);
        while (queue.TryDequeue(out var step))
            foreach (var next in step == split ? [join] : graph.Successors(step))
                if (!starts.Contains(next) && seen.Add(next)) queue.Enqueue(next);
        return seen;
    }
}
