using Engine.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Tests.Queries;

public sealed class When_instances_are_listed : EngineTest
{
    [Test]
    public async Task Should_filter_by_definition_version_and_status()
    {
        await PublishAsync(SampleDefinitions.Guarded);
        var a = await StartAsync("guarded", new { fee = 1 });
        await StartAsync("guarded", new { fee = 1 });
        await CompleteAsync(a.OpenedWorkItems[0].Id, "collect", "clerk-1");
        await PublishAsync(SampleDefinitions.Guarded.Replace("title: Guarded fee", "title: Guarded fee v2"));
        await StartAsync("guarded", new { fee = 1 });

        var queries = NewScope().ServiceProvider.GetRequiredService<InstanceQueries>();
        (await queries.ListAsync("guarded")).Count.ShouldBe(3);
        (await queries.ListAsync("guarded", version: 1)).Count.ShouldBe(2);
        (await queries.ListAsync("guarded", status: "Completed")).Single().Id.ShouldBe(a.InstanceId);
        (await queries.ListAsync("guarded", version: 2, status: "Running")).Count.ShouldBe(1);
        var view = await queries.GetAsync(a.InstanceId);
        view!.History.Select(h => h.Kind).ShouldBe(["Started", "WorkItemOpened", "ActionTaken", "Completed"]);
    }
}
