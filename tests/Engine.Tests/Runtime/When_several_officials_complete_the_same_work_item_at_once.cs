using Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Tests.Runtime;

public sealed class When_several_officials_complete_the_same_work_item_at_once : EngineTest
{
    [Test]
    public async Task Should_let_exactly_one_win_and_duplicate_nothing()
    {
        await PublishAsync(SampleDefinitions.Approval);
        var started = await StartAsync("approval", new { applicant = "A" });
        var item = started.OpenedWorkItems[0].Id;

        using var go = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await using var scope = NewScope();
            var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
            go.Wait();
            return await runtime.CompleteAsync(new CompleteWorkItem(item, "accept", $"clerk-{i}"));
        })).ToList();
        go.Set();
        var results = await Task.WhenAll(attempts);

        results.Count(r => r.Succeeded).ShouldBe(1);
        results.Where(r => !r.Succeeded).ShouldAllBe(r => r.Error!.Code == EngineErrorCode.Conflict);
        (await CountAsync("SELECT count(*) FROM engine.work_items WHERE step_id = 'assign'")).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.history WHERE kind = 'ActionTaken'")).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.outbox WHERE type = 'engine.work-item-opened'")).ShouldBe(2);
        (await CountAsync("SELECT revision FROM engine.instances")).ShouldBe(2);
    }

    [Test]
    public async Task Should_refuse_a_stale_expected_revision()
    {
        await PublishAsync(SampleDefinitions.Approval);
        var started = await StartAsync("approval", new { applicant = "A" });
        var result = await Runtime.CompleteAsync(new CompleteWorkItem(started.OpenedWorkItems[0].Id, "accept", "clerk-1", ExpectedRevision: 7));
        result.Error!.Code.ShouldBe(EngineErrorCode.Conflict);
        (await Runtime.CompleteAsync(new CompleteWorkItem(started.OpenedWorkItems[0].Id, "accept", "clerk-1", ExpectedRevision: 1))).Succeeded.ShouldBeTrue();
    }

    [Test]
    public async Task Should_join_once_when_both_branches_complete_at_the_same_moment()
    {
        await PublishAsync(SampleDefinitions.Consultation);
        for (var round = 0; round < 5; round++)
        {
            var started = await StartAsync("consultation");
            var split = await CompleteAsync(started.OpenedWorkItems[0].Id, "send", "spec-1");
            var results = await Task.WhenAll(split.OpenedWorkItems.Select(w => Task.Run(async () =>
            {
                await using var scope = NewScope();
                return await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().CompleteAsync(new CompleteWorkItem(w.Id, "reply", "officer"));
            })));
            results.ShouldAllBe(r => r.Succeeded);
            (await CountAsync($"SELECT count(*) FROM engine.work_items WHERE step_id = 'decide' AND instance_id = '{started.InstanceId}'")).ShouldBe(1);
        }
    }
}
