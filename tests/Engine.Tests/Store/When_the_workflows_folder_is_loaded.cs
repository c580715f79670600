using Engine.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Tests.Store;

public sealed class When_the_workflows_folder_is_loaded : EngineTest
{
    private string _folder = "";

    [SetUp]
    public void MakeFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "wf-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    private async Task<WorkflowLoadReport> LoadAsync()
    {
        await using var scope = NewScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowFileLoader>().LoadAsync(_folder);
    }

    private void Write(string relative, string yaml)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml);
    }

    [Test]
    public async Task Should_publish_new_files_once_and_leave_them_alone_afterwards()
    {
        Write("approval/v1.yaml", SampleDefinitions.Approval);
        Write("approval/v2.yaml", SampleDefinitions.Approval.Replace("version: 1", "version: 2").Replace("budget: 2d", "budget: 1d"));
        Write("guarded/v1.yaml", SampleDefinitions.Guarded);

        var first = await LoadAsync();
        first.Problems.ShouldBeEmpty();
        first.Published.Count.ShouldBe(3);
        (await Store.VersionsAsync("approval")).Single(v => v.IsLatest).Version.ShouldBe(2);

        var second = await LoadAsync();
        second.Published.ShouldBeEmpty();
        second.Unchanged.Count.ShouldBe(3);
    }

    [Test]
    public async Task Should_report_a_changed_published_file_without_overwriting_it()
    {
        Write("approval/v1.yaml", SampleDefinitions.Approval);
        await LoadAsync();
        Write("approval/v1.yaml", SampleDefinitions.Approval.Replace("budget: 2d", "budget: 1d"));
        var report = await LoadAsync();
        report.Succeeded.ShouldBeFalse();
        report.Problems.Single().ShouldContain("already published with different content");
        (await Store.GetAsync("approval", 1))!.FindStep("process")!.Budget!.Value.ToString().ShouldBe("2d");
    }

    [Test]
    public async Task Should_name_the_file_and_path_of_every_invalid_definition()
    {
        Write("broken/v1.yaml", SampleDefinitions.Guarded.Replace("id: guarded", "id: broken").Replace("to: done\n        guard", "to: nowhere\n        guard"));
        Write("gap/v3.yaml", SampleDefinitions.Guarded.Replace("id: guarded", "id: gap").Replace("version: 1", "version: 3"));
        var report = await LoadAsync();
        report.Problems.ShouldContain(p => p.StartsWith("broken/v1.yaml: ", StringComparison.Ordinal) && p.Contains("steps[0].actions[0].to: unknown step 'nowhere'"));
        report.Problems.ShouldContain(p => p.StartsWith("gap/v3.yaml: ", StringComparison.Ordinal) && p.Contains("the next version is 1"));
        (await CountAsync("SELECT count(*) FROM engine.definitions")).ShouldBe(0);
    }
}
