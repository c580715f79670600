namespace Engine.Definitions;

/// <summary>
/// The roles the host application lets a step name, declared with <c>AddWorkflowRoles</c>. The definition store
/// validates drafts and publications against them; without a declaration, roles are not checked.
/// </summary>
public sealed record DeclaredRoles(IReadOnlySet<string> Names);
