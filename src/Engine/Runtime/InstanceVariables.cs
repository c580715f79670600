using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Expressions;

namespace Engine.Runtime;

/// <summary>
/// An instance's variables during one transition: the stored JSON text, the names the transition sets, and a node tree
/// built only when something needs the whole object (a guard, a handler's changes). Most transitions read a variable or
/// two (a step's <c>unit</c>) and set none or a few form fields, so the text is not parsed into a tree and written back:
/// a transition that sets nothing leaves the column as it is, one that sets names sends only those (merged by the
/// database, <c>variables || $n</c>), and one that took the tree to change it writes the whole object.
/// </summary>
internal sealed class InstanceVariables
{
    private readonly string? _stored;
    private JsonObject? _set;
    private JsonObject? _all;
    private bool _whole;

    /// <summary>The variables as stored: parsed only if the whole object is asked for.</summary>
    public InstanceVariables(string stored) => _stored = stored;

    /// <summary>Variables that are not stored yet (a new instance) or were built elsewhere: written whole.</summary>
    public InstanceVariables(JsonObject all) => (_all, _whole) = (all, true);

    /// <summary>Every variable with this transition's changes, for reading (guards, expressions). Change them with <see cref="Set"/>.</summary>
    public JsonObject View => _all ??= Merge();

    /// <summary>The tree, for a caller that changes it directly: from then on the variables are written whole.</summary>
    public JsonObject Mutable
    {
        get
        {
            _whole = true;
            return View;
        }
    }

    /// <summary>Sets the top-level variable <paramref name="name"/> to a copy of <paramref name="value"/>.</summary>
    public void Set(string name, JsonNode? value)
    {
        if (!_whole) (_set ??= [])[name] = value?.DeepClone();
        if (_all is not null) _all[name] = value?.DeepClone();
    }

    /// <summary>The value at <paramref name="path"/> (<c>a.b</c>, a leading <c>$</c> ignored); null when missing.</summary>
    public JsonNode? Find(string path)
    {
        path = path.TrimStart('$');
        if (_all is not null) return JsonValues.Lookup(_all, path);
        var dot = path.IndexOf('.');
        var first = dot < 0 ? path : path[..dot];
        if (_set is not null && _set.ContainsKey(first)) return JsonValues.Lookup(_set, path);
        return FindStored(path);
    }

    /// <summary>A step's <c>unit</c> or <c>assignee</c>: the variable it names as text, or the literal (see <see cref="ValueExpression"/>).</summary>
    public string? Resolve(string? expression) =>
        ValueExpression.VariableName(expression) is { } name ? ValueExpression.Text(Find(name)) : expression;

    /// <summary>What the instance's update writes: nothing (unchanged), the names set (merged), or the whole object.</summary>
    public (string? Json, bool Merge) ForWrite() =>
        _whole || _stored is null ? (View.ToJsonString(), false)
        : _set is null ? (null, false)
        : (_set.ToJsonString(), true);

    private JsonObject Merge()
    {
        var all = JsonNode.Parse(_stored!)!.AsObject();
        foreach (var (name, value) in _set ?? []) all[name] = value?.DeepClone();
        return all;
    }

    /// <summary>Reads one value out of the stored text without building the tree around it.</summary>
    private JsonNode? FindStored(string path)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(_stored!.Length));
        try
        {
            var reader = new Utf8JsonReader(bytes.AsSpan(0, Encoding.UTF8.GetBytes(_stored, bytes)));
            if (!reader.Read()) return null;
            foreach (var part in path.Split('.'))
            {
                if (reader.TokenType != JsonTokenType.StartObject || !Enter(ref reader, part)) return null;
            }
            return reader.TokenType == JsonTokenType.String ? JsonValue.Create(reader.GetString()) : JsonNode.Parse(ref reader);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Moves the reader, at the start of an object, onto the value of its property <paramref name="name"/>.</summary>
    private static bool Enter(ref Utf8JsonReader reader, string name)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match) return true;
            reader.Skip();
        }
        return false;
    }
}
