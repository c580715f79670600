using Tests.Shared;

namespace Worker.Tests.MultiProcess;

public sealed class When_the_worker_process_ends
{
    [Test]
    public async Task Should_log_the_signal_that_stopped_it_and_its_exit_code()
    {
        var workflows = Directory.CreateTempSubdirectory("iso-no-workflows-").FullName;
        await using var worker = WorkerProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings:Default"] = await TestPostgres.CreateDatabaseAsync("worker_exit"),
            ["Workflows:Folder"] = workflows,
            ["Serilog:MinimumLevel:Default"] = "Warning",
        });
        await worker.WaitUntilReadyAsync(TimeSpan.FromMinutes(2));

        var code = await worker.TerminateAsync(TimeSpan.FromMinutes(1));

        code.ShouldBe(0);
        worker.Output.ShouldContain("SIGTERM received: stopping");
        worker.Output.ShouldContain("Process exits with code 0: SIGTERM received");
        Directory.Delete(workflows);
    }
}
