namespace Engine.Definitions;

/// <summary>
/// What the hosting application knows that a definition file cannot: the handler names registered in code, and the
/// roles a step may be given (<see cref="Roles"/>). Without a context, <c>handler</c> names are not checked; without
/// <see cref="Roles"/>, roles are not.
/// </summary>
public sealed record DefinitionValidationContext(IReadOnlySet<string> Handlers, IReadOnlySet<string>? Roles = null);
