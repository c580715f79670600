using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Engine.Definitions;

/// <summary>Collects changes; the building blocks of <see cref="DefinitionDiff"/>.</summary>
internal sealed class ChangeList : List<DefinitionChange>
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public void Value(string path, string? before, string? after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
            Add(new DefinitionChange(DefinitionChangeKind.Changed, path, before, after));
    }

    public void Value(string path, bool before, bool after) => Value(path, Text(before), Text(after));

    public void Value(string path, WorkingTime? before, WorkingTime? after) => Value(path, before?.ToString(), after?.ToString());

    public void Value(string path, IEnumerable<string> before, IEnumerable<string> after) =>
        Value(path, $"[{string.Join(", ", before)}]", $"[{string.Join(", ", after)}]");

    /// <summary>
    /// Matches items by key (first occurrence wins, as in validation): removed items in the old order,
    /// then added and changed items in the new order.
    /// </summary>
    public void Keyed<T>(string path, IEnumerable<T> from, IEnumerable<T> to, Func<T, string> key, Func<T, string?> describe,
        Action<string, T, T> compare)
    {
        var before = First(from, key);
        var after = First(to, key);
        foreach (var (name, item) in before)
            if (!after.ContainsKey(name)) Add(new DefinitionChange(DefinitionChangeKind.Removed, $"{path}[{name}]", describe(item), null));
        foreach (var (name, item) in after)
        {
            if (before.TryGetValue(name, out var old)) compare($"{path}[{name}]", old, item);
            else Add(new DefinitionChange(DefinitionChangeKind.Added, $"{path}[{name}]", null, describe(item)));
        }
    }

    /// <summary>Variable maps (<c>set</c>, <c>emit.data</c>): values shown as JSON so 1 and "1" differ visibly.</summary>
    public void Values(string path, Dictionary<string, object?> from, Dictionary<string, object?> to)
    {
        foreach (var name in from.Keys.Where(k => !to.ContainsKey(k)))
            Add(new DefinitionChange(DefinitionChangeKind.Removed, $"{path}.{name}", Json(from[name]), null));
        foreach (var (name, value) in to)
        {
            if (from.TryGetValue(name, out var old)) Value($"{path}.{name}", Json(old), Json(value));
            else Add(new DefinitionChange(DefinitionChangeKind.Added, $"{path}.{name}", null, Json(value)));
        }
    }

    private static Dictionary<string, T> First<T>(IEnumerable<T> items, Func<T, string> key)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items) result.TryAdd(key(item), item);
        return result;
    }

    private static string Text(bool value) => value ? "true" : "false";

    private static string Json(object? value) => value switch
    {
        null => "null",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        _ => JsonSerializer.Serialize(value, Readable),
    };
}
