using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Engine.Expressions;

/// <summary>
/// The value rules of the guard language over JSON nodes. Nothing here throws on a type mismatch: a guard
/// over a missing or mistyped variable evaluates to false instead of failing the transition.
/// </summary>
internal static class JsonValues
{
    public static JsonNode? Lookup(JsonObject variables, string path)
    {
        JsonNode? current = variables;
        foreach (var part in path.Split('.'))
        {
            if (current is not JsonObject obj || !obj.TryGetPropertyValue(part, out current)) return null;
        }
        return current;
    }

    public static decimal? Number(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number) return null;
        if (value.TryGetValue<decimal>(out var number)) return number;
        // Values built from long/double in code; their JSON spelling is the common ground.
        return decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number)
            ? number
            : null;
    }

    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static bool? Bool(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>null, false, 0 and "" are false; everything else (including lists) is true.</summary>
    public static bool Truthy(JsonNode? node) => node switch
    {
        null => false,
        _ when Bool(node) is { } flag => flag,
        _ when Number(node) is { } number => number != 0,
        _ when Text(node) is { } text => text.Length > 0,
        _ => true,
    };

    public static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonArray list => list.Count == 0,
        JsonObject obj => obj.Count == 0,
        _ => Text(node) is "",
    };

    /// <summary>Numbers compare by value (1 == 1.0); different types are never equal.</summary>
    public static bool Equal(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null) return a is null && b is null;
        if (Number(a) is { } x && Number(b) is { } y) return x == y;
        if (Text(a) is { } s && Text(b) is { } t) return string.Equals(s, t, StringComparison.Ordinal);
        return a.GetValueKind() == b.GetValueKind() && JsonNode.DeepEquals(a, b);
    }

    /// <summary>Order of two numbers or two strings (ordinal, so ISO dates order correctly); null otherwise.</summary>
    public static int? Compare(JsonNode? a, JsonNode? b)
    {
        if (Number(a) is { } x && Number(b) is { } y) return x.CompareTo(y);
        if (Text(a) is { } s && Text(b) is { } t) return string.CompareOrdinal(s, t);
        return null;
    }
}
