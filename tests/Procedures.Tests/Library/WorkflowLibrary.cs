using System.Globalization;
using System.Text;
using Engine.Definitions;
using Procedures.Dossiers;

namespace Procedures.Tests.Library;

/// <summary>One YAML file of the procedure library, named by its path under <c>workflows/</c>.</summary>
public sealed record LibraryFile(string RelativePath, string FullPath)
{
    public override string ToString() => RelativePath;

    public string Yaml => File.ReadAllText(FullPath);

    /// <summary>The parsed definition; fails the test when the file does not parse.</summary>
    public WorkflowDefinition Definition
    {
        get
        {
            var result = DefinitionYaml.Parse(Yaml);
            result.Definition.ShouldNotBeNull($"{RelativePath} did not parse: {string.Join("; ", result.Problems)}");
            return result.Definition;
        }
    }
}

/// <summary>Finds the repository's <c>workflows/</c> folder and the conventions every definition in it follows.</summary>
public static class WorkflowLibrary
{
    public static readonly IReadOnlySet<string> Roles = StepRoles.All;

    /// <summary>What the product validates against when it publishes: no handlers registered, its step roles declared.</summary>
    public static readonly DefinitionValidationContext Product = new(new HashSet<string>(), StepRoles.All);
    public static readonly string[] Outcomes = ["approved", "refused", "withdrawn"];
    public static readonly string[] RequiredInputs = ["dossierCode", "receivingUnit", "processingUnit"];

    /// <summary>Actions whose reason must be written down (refusal, send-back, withdrawal).</summary>
    public static readonly string[] ActionsNeedingAComment = ["refuse", "send-back", "withdraw"];

    public static string Folder { get; } = FindFolder();

    public static IReadOnlyList<LibraryFile> Files { get; } = Directory.Exists(Folder)
        ? Directory.EnumerateFiles(Folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Select(f => new LibraryFile(Path.GetRelativePath(Folder, f).Replace('\\', '/'), f))
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
            .ToList()
        : [];

    public static IReadOnlyList<WorkflowDefinition> Definitions => Files.Select(f => f.Definition).ToList();

    /// <summary>True when the text carries Vietnamese diacritics (or đ), i.e. was not written in plain ASCII English.</summary>
    public static bool LooksVietnamese(string? text) =>
        !string.IsNullOrWhiteSpace(text) &&
        (text.Contains('đ', StringComparison.OrdinalIgnoreCase) ||
         text.Normalize(NormalizationForm.FormD).Any(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark));

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Engine.sln")))
                return Path.Combine(dir.FullName, "workflows");
        throw new DirectoryNotFoundException($"No folder containing Engine.sln above {AppContext.BaseDirectory}.");
    }
}
