using Tests.Shared;
using Worker.Hosting;

namespace Worker.Tests;

public sealed class When_the_workflow_files_have_problems
{
    [Test]
    public async Task Should_fail_the_start_listing_every_problem()
    {
        using var workflows = new TempFolder();
        await File.WriteAllTextAsync(Path.Combine(workflows.Path, "first.yaml"), "id: [not closed\n");
        await File.WriteAllTextAsync(Path.Combine(workflows.Path, "second.yml"), "steps: {broken\n");
        await using var factory = new WorkerFactory(new Dictionary<string, string>
        {
            ["ConnectionStrings:Default"] = await TestPostgres.CreateDatabaseAsync("worker_bad_workflows"),
            [WorkflowSource.ConfigKey] = workflows.Path,
        });

        var failure = Should.Throw<WorkflowDefinitionsException>(() => factory.CreateClient());

        failure.Problems.Count.ShouldBe(2);
        failure.Message.ShouldContain("first.yaml");
        failure.Message.ShouldContain("second.yml");
    }

    [Test]
    public async Task Should_fail_the_start_when_the_configured_folder_is_missing()
    {
        await using var factory = new WorkerFactory(new Dictionary<string, string>
        {
            ["ConnectionStrings:Default"] = await TestPostgres.CreateDatabaseAsync("worker_no_workflows"),
            [WorkflowSource.ConfigKey] = "/nonexistent/workflows",
        });

        Should.Throw<WorkflowDefinitionsException>(() => factory.CreateClient()).Message.ShouldContain("/nonexistent/workflows");
    }
}
