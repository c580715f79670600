// PLACEHOLDER: replaced by the defs branch at merge.
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;
namespace Engine.Definitions;
public sealed record DefinitionProblem(string Path, string Message, int? Line = null, int? Column = null) { public override string ToString() => $"{Path}: {Message}"; }
public sealed record DefinitionParseResult(WorkflowDefinition? Definition, IReadOnlyList<DefinitionProblem> Problems);
public sealed record DefinitionValidationContext(IReadOnlySet<string> HandlerNames);
public enum DefinitionChangeKind { Added, Removed, Changed }
public sealed record DefinitionChange(DefinitionChangeKind Kind, string Path, string? Before, string? After);
public static class DefinitionYaml
{
    public static DefinitionParseResult Parse(string yaml)
    {
        try
        {
            var d = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).WithEnumNamingConvention(CamelCaseNamingConvention.Instance)
                .WithTypeConverter(new WtConverter()).Build().Deserialize<WorkflowDefinition>(yaml);
            return new(d, []);
        }
        catch (YamlDotNet.Core.YamlException e) { return new(null, [new("", e.Message)]); }
    }
    private sealed class WtConverter : IYamlTypeConverter
    {
        public bool Accepts(Type type) => type == typeof(WorkingTime) || type == typeof(WorkingTime?);
        public object? ReadYaml(YamlDotNet.Core.IParser parser, Type type, ObjectDeserializer d) => WorkingTime.Parse(parser.Consume<YamlDotNet.Core.Events.Scalar>().Value);
        public void WriteYaml(YamlDotNet.Core.IEmitter emitter, object? value, Type type, ObjectSerializer s) => throw new NotSupportedException();
    }
}
public static class DefinitionValidator { public static IReadOnlyList<DefinitionProblem> Validate(WorkflowDefinition d, DefinitionValidationContext? context = null) => []; }
public static class DefinitionDiff { public static IReadOnlyList<DefinitionChange> Compare(WorkflowDefinition from, WorkflowDefinition to) => []; }
