namespace Engine.Definitions;

/// <summary>
/// Rules about how steps connect. Each cause is reported once: a step is not blamed for failing to reach an
/// end when the failure comes from a dead end or a bad target further on, which has its own problem.
/// </summary>
internal static class GraphRules
{
    public static void Check(DefinitionGraph graph, ProblemList problems)
    {
        DeadEnds(graph, problems);
        Joins(graph, problems);
        Branches(graph, problems);
        BranchBoundaryRules.Check(graph, problems);
        Unreachable(graph, problems);
    }

    private static void DeadEnds(DefinitionGraph graph, ProblemList problems)
    {
        var steps = graph.Steps;
        for (var i = 0; i < steps.Count; i++)
            // A split without branches is already "needs at least 2 branches".
            if (steps[i].Kind != StepKind.Split && !DefinitionGraph.HasWayOut(steps[i]))
                problems.Add($"steps[{i}]", $"dead end: step '{steps[i].Id}' has no way out");

        var ends = steps.Where(s => s.Kind == StepKind.End).ToList();
        if (ends.Count == 0)
        {
            if (steps.Count > 0) problems.Add("steps", "there is no end step");
            return;
        }
        var canEnd = graph.CanReach(ends);
        var leadsToBroken = graph.CanReach(steps.Where((s, i) => graph.IsFirst(i) && graph.IsBroken(s)));
        for (var i = 0; i < steps.Count; i++)
            if (graph.IsFirst(i) && !canEnd.Contains(steps[i]) && !leadsToBroken.Contains(steps[i]))
                problems.Add($"steps[{i}]", $"no end step can be reached from '{steps[i].Id}'");
    }

    private static void Joins(DefinitionGraph graph, ProblemList problems)
    {
        for (var i = 0; i < graph.Steps.Count; i++)
        {
            var join = graph.Steps[i];
            if (join.Kind != StepKind.Join) continue;
            var splits = graph.Steps.Where(s => s.Kind == StepKind.Split && s.Join == join.Id).Select(s => $"'{s.Id}'").ToList();
            if (splits.Count == 0) problems.Add($"steps[{i}]", $"join '{join.Id}' has no split");
            else if (splits.Count > 1)
                problems.Add($"steps[{i}]", $"join '{join.Id}' is closed by more than one split: {string.Join(", ", splits)}");
        }
    }

    /// <summary>Each branch must arrive at its split's join, or finish the instance at an end step.</summary>
    private static void Branches(DefinitionGraph graph, ProblemList problems)
    {
        for (var i = 0; i < graph.Steps.Count; i++)
        {
            var split = graph.Steps[i];
            if (split.Kind != StepKind.Split || graph.Find(split.Join) is not { Kind: StepKind.Join } join) continue;
            for (var b = 0; b < split.Branches.Count; b++)
            {
                var branch = split.Branches[b];
                if (graph.Find(branch.Start) is not { } start) continue;
                var reached = graph.ReachableFrom(start, stopAt: join);
                if (reached.Contains(join) || reached.Any(s => s.Kind == StepKind.End || graph.IsBroken(s))) continue;
                problems.Add($"steps[{i}].branches[{b}].start",
                    $"branch '{branch.Name}' never reaches join '{join.Id}' or an end step");
            }
        }
    }

    private static void Unreachable(DefinitionGraph graph, ProblemList problems)
    {
        if (graph.Find(graph.Definition.StartStepId) is not { } start) return;
        var reached = graph.ReachableFrom(start);
        for (var i = 0; i < graph.Steps.Count; i++)
            if (graph.IsFirst(i) && !reached.Contains(graph.Steps[i]))
                problems.Add($"steps[{i}]", $"step '{graph.Steps[i].Id}' is unreachable from '{start.Id}'");
    }
}
