using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Engine.Definitions;

/// <summary>
/// Reads the <c>object</c> values of <c>set</c> and <c>emit.data</c> back as plain .NET scalars (string, bool,
/// long, decimal) instead of <see cref="JsonElement"/>, so a definition read from JSON equals one read from YAML.
/// </summary>
internal sealed class ScalarJsonConverter : JsonConverter<object>
{
    public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Number when reader.TryGetInt64(out var whole) => whole,
            JsonTokenType.Number when reader.TryGetDecimal(out var real) => real,
            JsonTokenType.Number => reader.GetDouble(),
            // Not written by our parsers, but a hand-edited row must still load.
            _ => JsonElement.ParseValue(ref reader),
        };

    public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case long l: writer.WriteNumberValue(l); break;
            case int i: writer.WriteNumberValue(i); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case double d: writer.WriteNumberValue(d); break;
            case JsonElement e: e.WriteTo(writer); break;
            case JsonNode n: n.WriteTo(writer, options); break;
            // Anything else (set from code) is written as its runtime type; a bare object would loop back here.
            case var _ when value.GetType() == typeof(object): writer.WriteStartObject(); writer.WriteEndObject(); break;
            default: JsonSerializer.Serialize(writer, value, value.GetType(), options); break;
        }
    }
}
