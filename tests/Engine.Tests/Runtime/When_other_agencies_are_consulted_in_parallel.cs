using System.Text.Json.Nodes;
using Engine.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Tests.Runtime;

public sealed class When_other_agencies_are_consulted_in_parallel : EngineTest
{
    [SetUp]
    public Task Publish() => PublishAsync(SampleDefinitions.Consultation);

    [Test]
    public async Task Should_open_every_branch_with_its_own_deadline_and_join_when_all_replied()
    {
        var started = await StartAsync("consultation");
        var split = await CompleteAsync(started.OpenedWorkItems[0].Id, "send", "spec-1");
        split.OpenedWorkItems.Select(w => (w.StepId, w.Branch)).ShouldBe([("tax-opinion", "tax"), ("land-opinion", "land")], ignoreOrder: true);
        var tax = split.OpenedWorkItems.Single(w => w.Branch == "tax");
        var land = split.OpenedWorkItems.Single(w => w.Branch == "land");
        (land.DueAt > tax.DueAt).ShouldBeTrue();

        var afterTax = await CompleteAsync(tax.Id, "reply", "tax-1");
        afterTax.OpenedWorkItems.ShouldBeEmpty();
        afterTax.ActiveSteps.ShouldBe(["land-opinion", "consulted"], ignoreOrder: true);

        var afterLand = await CompleteAsync(land.Id, "reply", "land-1");
        afterLand.OpenedWorkItems.Single().StepId.ShouldBe("decide");
        afterLand.ActiveSteps.ShouldBe(["decide"]);
        (await CompleteAsync(afterLand.OpenedWorkItems[0].Id, "approve", "leader-1")).Outcome.ShouldBe("approved");
    }

    [Test]
    public async Task Should_record_the_branch_that_replied_late()
    {
        var started = await StartAsync("consultation");
        var split = await CompleteAsync(started.OpenedWorkItems[0].Id, "send", "spec-1");
        await CompleteAsync(split.OpenedWorkItems.Single(w => w.Branch == "land").Id, "reply", "land-1");
        Clock.Advance(TimeSpan.FromDays(2)); // Wednesday: the tax branch (1 working day) is late
        var joined = await CompleteAsync(split.OpenedWorkItems.Single(w => w.Branch == "tax").Id, "reply", "tax-1");
        joined.OpenedWorkItems.Single().StepId.ShouldBe("decide");

        var history = await NewScope().ServiceProvider.GetRequiredService<InstanceQueries>().HistoryAsync(started.InstanceId);
        var arrivals = history.Where(h => h.Kind == "BranchArrived").Select(h => JsonNode.Parse(h.Data!)!)
            .ToDictionary(d => d["branch"]!.GetValue<string>(), d => d["late"]!.GetValue<bool>());
        arrivals.ShouldBe(new Dictionary<string, bool> { ["land"] = false, ["tax"] = true });
        history.Count(h => h.Kind == "Joined").ShouldBe(1);
    }

    [Test]
    public async Task Should_cancel_the_other_branches_when_the_instance_is_cancelled()
    {
        var started = await StartAsync("consultation");
        await CompleteAsync(started.OpenedWorkItems[0].Id, "send", "spec-1");
        (await Runtime.CancelAsync(started.InstanceId, "leader-1", "Công dân rút hồ sơ")).Succeeded.ShouldBeTrue();
        (await CountAsync("SELECT count(*) FROM engine.work_items WHERE status = 'Open'")).ShouldBe(0);
        (await CountAsync("SELECT count(*) FROM engine.work_items WHERE status = 'Cancelled'")).ShouldBe(2);
    }
}
