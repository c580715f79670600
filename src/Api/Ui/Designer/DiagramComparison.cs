using Engine.Definitions;

namespace Api.Ui.Designer;

/// <summary>
/// Two versions' comparison as a picture: the newer version's steps with the steps the older one had and the newer dropped (drawn
/// in a last row, without their routes), each step marked added, removed or changed from the same change list the text shows.
/// </summary>
public sealed record DiagramComparison(WorkflowDefinition Definition, IReadOnlyDictionary<string, DefinitionChangeKind> Marks)
{
    public static DiagramComparison Of(WorkflowDefinition from, WorkflowDefinition to, IReadOnlyList<DefinitionChange> changes)
    {
        var marks = new Dictionary<string, DefinitionChangeKind>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (StepOf(change.Path) is not { } step) continue;
            var whole = change.Path == $"steps[{step}]";
            if (whole) marks[step] = change.Kind;
            else marks.TryAdd(step, DefinitionChangeKind.Changed);
        }
        var drawn = DefinitionJson.Deserialize(DefinitionJson.Serialize(to));
        foreach (var removed in from.Steps.Where(s => marks.GetValueOrDefault(s.Id) == DefinitionChangeKind.Removed && drawn.FindStep(s.Id) is null))
        {
            var copy = DefinitionJson.Deserialize(DefinitionJson.Serialize(new WorkflowDefinition { Steps = [removed] })).Steps[0];
            copy.Actions.Clear();
            copy.Branches.Clear();
            copy.Next = null;
            copy.Join = null;
            copy.OnOverdue.Clear();
            drawn.Steps.Add(copy);
        }
        return new(drawn, marks);
    }

    /// <summary>The step id a change path starts with (<c>steps[review].budget</c> → <c>review</c>); null for the header's fields.</summary>
    private static string? StepOf(string path)
    {
        if (!path.StartsWith("steps[", StringComparison.Ordinal)) return null;
        var end = path.IndexOf(']', 6);
        return end < 0 ? null : path[6..end];
    }
}
