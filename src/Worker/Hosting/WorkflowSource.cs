using Microsoft.Extensions.Configuration;

namespace Worker.Hosting;

/// <summary>
/// The folder of workflow definition files loaded at start: <c>Workflows:Folder</c> (relative to the content
/// root), else the <c>workflows</c> folder next to <c>Engine.sln</c>, found by walking up from the content root.
/// </summary>
public sealed record WorkflowSource(string Folder, bool IsConfigured)
{
    public const string ConfigKey = "Workflows:Folder";
    public const string SolutionFile = "Engine.sln";

    public static WorkflowSource Resolve(IConfiguration config, string contentRoot)
    {
        var configured = config[ConfigKey];
        if (!string.IsNullOrWhiteSpace(configured)) return new(Path.GetFullPath(configured, contentRoot), true);
        for (var dir = new DirectoryInfo(Path.GetFullPath(contentRoot)); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                return new(Path.Combine(dir.FullName, "workflows"), false);
        return new(Path.Combine(Path.GetFullPath(contentRoot), "workflows"), false);
    }
}
