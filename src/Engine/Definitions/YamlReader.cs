using System.Globalization;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Engine.Definitions;

/// <summary>Reads one property value into its target object; <c>path</c> is the value's own path.</summary>
internal delegate void PropertyReader<in T>(YamlReader reader, T target, YamlNode value, string path);

/// <summary>
/// Walks YamlDotNet's representation model (not a deserializer) so every problem can carry both the
/// property path and the line/column of the node, and so reading goes on after a bad value.
/// </summary>
internal sealed class YamlReader
{
    // Aliases share nodes, so a tiny file can expand to billions of nodes ("billion laughs"); stop early.
    private const int MaxNodes = 100_000;
    private int _visited;

    public List<DefinitionProblem> Problems { get; } = [];

    /// <summary>Where each path starts in the text, to place validation problems found later.</summary>
    public Dictionary<string, Mark> Locations { get; } = new(StringComparer.Ordinal);

    public void Problem(string path, string message, YamlNode? node) =>
        Problems.Add(node is null
            ? new DefinitionProblem(path, message)
            : new DefinitionProblem(path, message, (int)node.Start.Line, (int)node.Start.Column));

    public T? Object<T>(YamlNode node, string path, IReadOnlyDictionary<string, PropertyReader<T>> properties,
        params string[] required) where T : class, new()
    {
        Visit(node, path);
        if (node is not YamlMappingNode mapping)
        {
            Problem(path, $"expected a mapping, got {Describe(node)}", node);
            return null;
        }
        var target = new T();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = keyNode is YamlScalarNode { Value: { } k } ? k : null;
            if (key is null)
            {
                Problem(path, "property names must be text", keyNode);
                continue;
            }
            var childPath = Child(path, key);
            if (!properties.TryGetValue(key, out var read))
            {
                Problem(childPath, "unknown property", keyNode);
                continue;
            }
            seen.Add(key);
            Visit(value, childPath);
            read(this, target, value, childPath);
        }
        foreach (var key in required.Where(k => !seen.Contains(k)))
            Problem(Child(path, key), $"missing {key}", node);
        return target;
    }

    public List<T> List<T>(YamlNode node, string path, Func<YamlNode, string, T?> item)
    {
        if (IsNull(node)) return [];
        if (node is not YamlSequenceNode sequence)
        {
            Problem(path, $"expected a list, got {Describe(node)}", node);
            return [];
        }
        var list = new List<T>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            Visit(sequence.Children[i], itemPath);
            if (item(sequence.Children[i], itemPath) is { } value) list.Add(value);
        }
        return list;
    }

    public List<string> TextList(YamlNode node, string path) => List(node, path, Text);

    /// <summary>A mapping of names to objects, e.g. the layout's step ids to positions.</summary>
    public Dictionary<string, T> Map<T>(YamlNode node, string path, Func<YamlNode, string, T?> item) where T : class =>
        Entries(node, path, "a mapping", (value, childPath) => item(value, childPath) is { } read ? (true, read) : (false, default!));

    /// <summary>A mapping of names to single values (text, number, true/false or null), e.g. a step's variables.</summary>
    public Dictionary<string, object?> Scalars(YamlNode node, string path) =>
        Entries(node, path, "a mapping of names to values", (value, childPath) =>
        {
            if (value is YamlScalarNode scalar) return (true, YamlScalars.Value(scalar));
            Problem(childPath, $"expected a single value (text, number, true/false or null), got {Describe(value)}", value);
            return (false, null);
        });

    /// <summary>The walk shared by <see cref="Map{T}"/> and <see cref="Scalars"/>: each name checked, each entry visited and read.</summary>
    private Dictionary<string, T> Entries<T>(YamlNode node, string path, string expected, Func<YamlNode, string, (bool Keep, T Value)> read)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        if (IsNull(node)) return result;
        if (node is not YamlMappingNode mapping)
        {
            Problem(path, $"expected {expected}, got {Describe(node)}", node);
            return result;
        }
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
            {
                Problem(path, "names must be text", keyNode);
                continue;
            }
            var childPath = Child(path, key);
            Visit(value, childPath);
            var (keep, entry) = read(value, childPath);
            if (keep) result[key] = entry;
        }
        return result;
    }

    public string? Text(YamlNode node, string path)
    {
        if (node is YamlScalarNode scalar) return IsNull(scalar) ? null : scalar.Value;
        Problem(path, $"expected text, got {Describe(node)}", node);
        return null;
    }

    public int? Int(YamlNode node, string path)
    {
        var text = Text(node, path);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        Problem(path, $"expected a whole number, got '{text}'", node);
        return null;
    }

    public double? Number(YamlNode node, string path)
    {
        var text = Text(node, path);
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value)) return value;
        Problem(path, $"expected a number, got '{text}'", node);
        return null;
    }

    public bool Bool(YamlNode node, string path)
    {
        if (node is YamlScalarNode scalar && YamlScalars.Value(scalar) is bool value) return value;
        if (!IsNull(node)) Problem(path, $"expected true or false, got {Describe(node)}", node);
        return false;
    }

    public WorkingTime? Time(YamlNode node, string path)
    {
        var text = Text(node, path);
        if (text is null) return null;
        if (WorkingTime.TryParse(text, out var value)) return value;
        Problem(path, $"'{text}' is not a working time such as '2d', '0.5d' or '4h'", node);
        return null;
    }

    /// <summary>Accepts the camelCase name in any case, with or without '-'/'_' (<c>dateTime</c>, <c>date-time</c>).</summary>
    public TEnum? Enum<TEnum>(YamlNode node, string path, string what) where TEnum : struct, System.Enum
    {
        var text = Text(node, path);
        if (text is null) return null;
        var wanted = text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        foreach (var value in System.Enum.GetValues<TEnum>())
            if (string.Equals(value.ToString(), wanted, StringComparison.OrdinalIgnoreCase)) return value;
        var names = System.Enum.GetNames<TEnum>().Select(JsonNamingPolicy.CamelCase.ConvertName).ToArray();
        Problem(path, $"unknown {what} '{text}' (expected {string.Join(", ", names[..^1])} or {names[^1]})", node);
        return null;
    }

    public static string Child(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private void Visit(YamlNode node, string path)
    {
        if (++_visited > MaxNodes) throw new DocumentTooLargeException();
        Locations.TryAdd(path, node.Start);
    }

    private static bool IsNull(YamlNode node) => node is YamlScalarNode scalar && YamlScalars.IsNull(scalar);

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when YamlScalars.IsNull(s) => "nothing",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "an unknown node",
    };
}

internal sealed class DocumentTooLargeException : Exception;
