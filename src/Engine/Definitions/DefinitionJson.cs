// PLACEHOLDER: replaced by the defs branch at merge.
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
namespace Engine.Definitions;
public static class DefinitionJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };
    public static string Serialize(WorkflowDefinition d) => JsonSerializer.Serialize(d, Options);
    public static WorkflowDefinition Deserialize(string json) => JsonSerializer.Deserialize<WorkflowDefinition>(json, Options)!;
    public static string ContentHash(WorkflowDefinition d) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Serialize(d))));
}
