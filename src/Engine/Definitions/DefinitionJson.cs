using System.Collections;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace Engine.Definitions;

/// <summary>
/// The stored (<c>jsonb</c>) form of a definition: camelCase, enums as camelCase strings, working time as
/// <c>"2d"</c>, and nulls, empty lists and <c>false</c> left out so the text is short and canonical.
/// </summary>
public static class DefinitionJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Titles are often not ASCII; keep them readable in the database instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        // Options converters win over the [JsonConverter] on the enum types, which would write "Human".
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new ScalarJsonConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitDefaults } },
    };

    public static string Serialize(WorkflowDefinition definition) => JsonSerializer.Serialize(definition, Options);

    public static WorkflowDefinition Deserialize(string json) =>
        JsonSerializer.Deserialize<WorkflowDefinition>(json, Options)
        ?? throw new JsonException("A workflow definition was expected, found null.");

    /// <summary>SHA-256 (lower-case hex) of <see cref="Serialize"/>'s text: equal for equal definitions.</summary>
    public static string ContentHash(WorkflowDefinition definition) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Serialize(definition))));

    internal static JsonNode ToNode(WorkflowDefinition definition) =>
        JsonSerializer.SerializeToNode(definition, Options)!;

    private static void OmitDefaults(JsonTypeInfo info)
    {
        foreach (var property in info.Properties)
        {
            if (property.PropertyType == typeof(bool))
                property.ShouldSerialize = static (_, value) => value is true;
            else if (property.PropertyType != typeof(string) && typeof(ICollection).IsAssignableFrom(property.PropertyType))
                property.ShouldSerialize = static (_, value) => value is ICollection { Count: > 0 };
        }
    }
}
