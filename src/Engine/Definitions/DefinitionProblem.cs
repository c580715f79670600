namespace Engine.Definitions;

/// <summary>
/// One thing wrong with a definition, named by its path in the file (<c>steps[3].actions[1].to</c>, 0-based
/// indexes) so an author can find it; <see cref="Line"/>/<see cref="Column"/> (1-based) when the problem was
/// found in a YAML text. An empty path means the document as a whole.
/// </summary>
public sealed record DefinitionProblem(string Path, string Message, int? Line = null, int? Column = null)
{
    public override string ToString()
    {
        var text = Path.Length == 0 ? Message : $"{Path}: {Message}";
        return Line is null ? text : $"{text} (line {Line}, column {Column})";
    }
}

/// <summary>
/// What <see cref="DefinitionYaml.Parse"/> read. <see cref="Definition"/> is null only when the text could not
/// be read at all (malformed YAML, not a mapping); otherwise it is a best-effort model, which must not be
/// published while <see cref="Problems"/> is not empty.
/// </summary>
public sealed record DefinitionParseResult(WorkflowDefinition? Definition, IReadOnlyList<DefinitionProblem> Problems)
{
    public bool Succeeded => Definition is not null && Problems.Count == 0;
}
