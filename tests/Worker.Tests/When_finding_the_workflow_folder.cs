using Microsoft.Extensions.Configuration;
using Worker.Hosting;

namespace Worker.Tests;

public sealed class When_finding_the_workflow_folder
{
    private static IConfiguration Config(string? folder = null) => new ConfigurationBuilder()
        .AddInMemoryCollection(folder is null ? [] : [KeyValuePair.Create(WorkflowSource.ConfigKey, (string?)folder)]).Build();

    [Test]
    public void Should_use_the_workflows_folder_next_to_the_solution_above_the_content_root()
    {
        using var root = new TempFolder();
        File.WriteAllText(Path.Combine(root.Path, WorkflowSource.SolutionFile), "");
        var contentRoot = Directory.CreateDirectory(Path.Combine(root.Path, "src", "Api")).FullName;

        WorkflowSource.Resolve(Config(), contentRoot).ShouldBe(new WorkflowSource(Path.Combine(root.Path, "workflows"), false));
    }

    [Test]
    public void Should_use_the_configured_folder_relative_to_the_content_root() =>
        WorkflowSource.Resolve(Config("defs"), "/app").ShouldBe(new WorkflowSource("/app/defs", true));
}
