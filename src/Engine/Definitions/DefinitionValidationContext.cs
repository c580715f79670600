namespace Engine.Definitions;

/// <summary>
/// What the hosting application knows that a definition file cannot: the handler names registered in code.
/// Without a context, <c>handler</c> names are not checked.
/// </summary>
public sealed record DefinitionValidationContext(IReadOnlySet<string> Handlers);
