using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Engine.Definitions;

/// <summary>Reads and writes workflow definitions as YAML files (camelCase keys, kinds in lower case).</summary>
public static class DefinitionYaml
{
    /// <summary>
    /// Reads a definition, reporting every malformed, unknown or mistyped value with its path and position.
    /// It does not check the rules of <see cref="DefinitionValidator"/>; see <see cref="ParseAndValidate"/>.
    /// </summary>
    public static DefinitionParseResult Parse(string yaml) => Read(yaml).Result;

    /// <summary>
    /// Parses, then (when the text was read without problems) validates, placing each validation problem at
    /// the line and column of the path it names so an author sees where to fix it.
    /// </summary>
    public static DefinitionParseResult ParseAndValidate(string yaml, DefinitionValidationContext? context = null)
    {
        var (result, locations) = Read(yaml);
        if (!result.Succeeded) return result;
        var problems = DefinitionValidator.Validate(result.Definition!, context)
            .Select(p => locations.TryGetValue(p.Path, out var mark)
                ? p with { Line = (int)mark.Line, Column = (int)mark.Column }
                : p)
            .ToList();
        return result with { Problems = problems };
    }

    /// <summary>Writes the same shape as <see cref="DefinitionJson"/> (nulls, empty lists and false omitted).</summary>
    public static string ToYaml(WorkflowDefinition definition) =>
        YamlWriter.Write(DefinitionJson.ToNode(definition));

    private static (DefinitionParseResult Result, IReadOnlyDictionary<string, Mark> Locations) Read(string yaml)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(yaml ?? ""));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            return (Failed(new DefinitionProblem("", Clean(e.Message), (int)e.Start.Line, (int)e.Start.Column)), Empty);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this on some broken flow collections; the last event read is the
            // best position we have.
            var at = parser.Current?.End;
            return (Failed(new DefinitionProblem("", "the YAML could not be read from here on (an unclosed bracket?)",
                (int?)at?.Line, (int?)at?.Column)), Empty);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: "" or null })
            return (Failed(new DefinitionProblem("", "the document is empty")), Empty);
        if (stream.Documents.Count > 1)
        {
            var start = stream.Documents[1].RootNode.Start;
            return (Failed(new DefinitionProblem("", "expected one definition per file, found several YAML documents",
                (int)start.Line, (int)start.Column)), Empty);
        }

        var reader = new YamlReader();
        try
        {
            var definition = reader.Object(stream.Documents[0].RootNode, "", DefinitionYamlSchema.Definition);
            return (new DefinitionParseResult(definition, reader.Problems), reader.Locations);
        }
        catch (DocumentTooLargeException)
        {
            return (Failed(new DefinitionProblem("", "the document is too large (too many nodes after expanding aliases)")), Empty);
        }
    }

    private static readonly Dictionary<string, Mark> Empty = [];

    private static DefinitionParseResult Failed(DefinitionProblem problem) => new(null, [problem]);

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; we report position ourselves.
    private static string Clean(string message)
    {
        var at = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && at > 0 ? message[(at + 3)..] : message;
    }
}
