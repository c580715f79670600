using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Engine.Expressions;

/// <summary>
/// The small value syntax of a human step's <c>unit</c> and <c>assignee</c> (and <c>emit.data</c>):
/// <c>$name</c> or <c>${name}</c> (dotted paths allowed) reads a variable; anything else is a literal.
/// </summary>
public static partial class ValueExpression
{
    /// <summary>The variable's value as text (numbers in JSON spelling), null when missing; or the literal.</summary>
    public static string? Resolve(string? expression, JsonObject variables)
    {
        if (VariableName(expression) is not { } name) return expression;
        return Text(JsonValues.Lookup(variables, name));
    }

    /// <summary>A variable's value as <see cref="Resolve"/> gives it: a string as it is, anything else in its JSON spelling.</summary>
    internal static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        var other => other.ToJsonString(),
    };

    /// <summary>The variable path of <c>$a.b</c> or <c>${a.b}</c>; null for a literal.</summary>
    public static string? VariableName(string? expression)
    {
        if (expression is null) return null;
        if (Names.TryGetValue(expression, out var known)) return known;
        var match = Reference().Match(expression.Trim());
        var name = match.Success ? match.Groups["braced"].Success ? match.Groups["braced"].Value : match.Groups["bare"].Value : null;
        if (Names.Count < NamesKept) Names.TryAdd(expression, name);
        return name;
    }

    // The expressions of published definitions, met on every transition: matched once each. Bounded, since a designer's
    // drafts also pass through here.
    private const int NamesKept = 10_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> Names = new(StringComparer.Ordinal);

    [GeneratedRegex(@"^\$(?:\{\s*(?<braced>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*\}|(?<bare>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*))$")]
    private static partial Regex Reference();
}
