using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Engine.Definitions;

/// <summary>
/// Writes the JSON shape of a definition as block YAML, so YAML and JSON cannot drift apart. Text that would
/// read back as a number, boolean or null is quoted; lists of plain values are written inline.
/// </summary>
internal static class YamlWriter
{
    public static string Write(JsonNode root)
    {
        var text = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(text, new EmitterSettings(bestIndent: 2, bestWidth: 120, isCanonical: false,
            maxSimpleKeyLength: 1024, indentSequences: true, newLine: "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Node(emitter, root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Node(Emitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject mapping:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block));
                foreach (var (key, value) in mapping)
                {
                    Text(emitter, key);
                    Node(emitter, value);
                }
                emitter.Emit(new MappingEnd());
                break;
            case JsonArray list:
                var inline = list.All(item => item is null or JsonValue);
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true,
                    inline ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in list) Node(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                Text(emitter, value.GetValue<string>());
                break;
            default:
                // Numbers and booleans keep their JSON spelling, which YAML reads back as the same type.
                Plain(emitter, node?.ToJsonString() ?? "null");
                break;
        }
    }

    private static void Text(Emitter emitter, string text)
    {
        if (YamlScalars.NeedsQuotes(text))
            emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, ScalarStyle.DoubleQuoted, false, true));
        else if (text.Contains('\n'))
            emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, ScalarStyle.Literal, false, true));
        else
            Plain(emitter, text);
    }

    private static void Plain(Emitter emitter, string text) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, ScalarStyle.Plain, true, false));
}
