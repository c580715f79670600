// PLACEHOLDER: replaced by the defs branch at merge.
namespace Engine.Definitions;
public enum DefinitionChangeKind { Added, Removed, Changed }
public sealed record DefinitionChange(DefinitionChangeKind Kind, string Path, string? Before, string? After);
public static class DefinitionDiff { public static IReadOnlyList<DefinitionChange> Compare(WorkflowDefinition from, WorkflowDefinition to) => []; }
