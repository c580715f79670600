namespace Engine.Definitions;

public enum DefinitionChangeKind { Added, Removed, Changed }

/// <summary>
/// One difference between two versions. Paths name steps, actions, fields and branches by id or name
/// (<c>steps[review].actions[approve].to</c>), not by index, so a reordered file shows no change.
/// For an added or removed step, <see cref="After"/>/<see cref="Before"/> holds its kind.
/// </summary>
public sealed record DefinitionChange(DefinitionChangeKind Kind, string Path, string? Before, string? After)
{
    public override string ToString() => Kind switch
    {
        DefinitionChangeKind.Added => After is null ? $"{Path}: added" : $"{Path}: added ({After})",
        DefinitionChangeKind.Removed => Before is null ? $"{Path}: removed" : $"{Path}: removed ({Before})",
        _ => $"{Path}: {Before ?? "(none)"} → {After ?? "(none)"}",
    };
}
