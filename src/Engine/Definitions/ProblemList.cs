using System.Text.RegularExpressions;

namespace Engine.Definitions;

/// <summary>Collects problems; validation never stops at the first one.</summary>
internal sealed class ProblemList : List<DefinitionProblem>
{
    public void Add(string path, string message) => Add(new DefinitionProblem(path, message));

    /// <summary>
    /// Reports each duplicate against the first occurrence, at <paramref name="property"/> of the item (at the item
    /// itself when it is empty, for lists of names); empty keys are reported elsewhere.
    /// </summary>
    public void Unique<T>(IReadOnlyList<T> items, Func<T, string?> key, Func<int, string> path, string property, string what)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (key(items[i]) is not { Length: > 0 } value) continue;
            if (first.TryGetValue(value, out var at))
                Add(property.Length == 0 ? path(i) : $"{path(i)}.{property}", $"duplicate {what} '{value}' (first at {path(at)})");
            else first[value] = i;
        }
    }
}

internal static partial class Names
{
    /// <summary>Definition ids: <c>birth-registration</c>.</summary>
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public static partial Regex Slug();

    /// <summary>Step ids and action names: <c>send-back</c>, <c>legal_review</c>.</summary>
    [GeneratedRegex("^[a-z0-9]+([-_][a-z0-9]+)*$")]
    public static partial Regex StepId();

    /// <summary>A variable name as guards read it, dotted paths allowed: <c>applicant.age</c>.</summary>
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$")]
    public static partial Regex Variable();

    /// <summary>A name that defines a variable (an input, a handler output): one segment, no dotted path.</summary>
    public static bool IsPlainVariable(string? name) => name is not null && !name.Contains('.') && Variable().IsMatch(name);
}
