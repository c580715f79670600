using Engine.Definitions;
using Procedures.Dossiers;

namespace Api.Tests.Designer;

/// <summary>The procedure library under <c>workflows/</c>, and what the product validates a definition against.</summary>
internal static class DesignerLibrary
{
    public static readonly DefinitionValidationContext Product = new(new HashSet<string>(), StepRoles.All);

    public static IEnumerable<string> Files()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Engine.sln"))) dir = dir.Parent;
        if (dir is null) throw new DirectoryNotFoundException("Engine.sln was not found above the test folder.");
        var root = Path.Combine(dir.FullName, "workflows");
        return Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).Select(f => Path.Combine(root, f));
    }

    public static WorkflowDefinition Read(string path)
    {
        var parsed = DefinitionYaml.Parse(File.ReadAllText(path));
        parsed.Definition.ShouldNotBeNull($"{path}: {string.Join("; ", parsed.Problems)}");
        return parsed.Definition;
    }
}
