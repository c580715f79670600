using Engine.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Tests.Queries;

public sealed class When_officials_list_their_work : EngineTest
{
    private WorkItemQueries Queries => NewScope().ServiceProvider.GetRequiredService<WorkItemQueries>();

    [SetUp]
    public async Task StartSome()
    {
        await PublishAsync(SampleDefinitions.Approval);
        await StartAsync("approval", new { applicant = "A", unit = "unit-x" });
        await StartAsync("approval", new { applicant = "B", unit = "unit-x" });
        await StartAsync("approval", new { applicant = "C", unit = "unit-y" });
    }

    [Test]
    public async Task Should_list_the_role_queue_of_a_unit()
    {
        var (items, total) = await Queries.ListAsync(new WorkItemFilter { Roles = ["clerk"], Units = ["unit-x"] });
        total.ShouldBe(2);
        items.ShouldAllBe(i => i.UnitId == "unit-x" && i.StepId == "receive");
        (await Queries.ListAsync(new WorkItemFilter { Roles = ["leader"], Units = ["unit-x"] })).Total.ShouldBe(0);
    }

    [Test]
    public async Task Should_list_what_a_user_claimed_or_was_assigned()
    {
        var (queue, _) = await Queries.ListAsync(new WorkItemFilter { Roles = ["clerk"], Units = ["unit-y"] });
        await Runtime.ClaimAsync(queue[0].Id, "clerk-9");
        var (mine, total) = await Queries.ListAsync(new WorkItemFilter { User = "clerk-9" });
        total.ShouldBe(1);
        mine[0].ClaimedBy.ShouldBe("clerk-9");
        (await Queries.ListAsync(new WorkItemFilter { Roles = ["clerk"], Units = ["unit-y"] })).Total.ShouldBe(0);
    }

    [Test]
    public async Task Should_separate_due_soon_from_overdue()
    {
        // Items are due Monday 14:00 (4 working hours from 09:00).
        var now = Monday9.AddHours(3); // 12:00
        (await Queries.ListAsync(new WorkItemFilter { Now = now, DueBefore = now.AddHours(3) })).Total.ShouldBe(3);
        (await Queries.ListAsync(new WorkItemFilter { Now = now, OverdueOnly = true })).Total.ShouldBe(0);
        var later = Monday9.AddHours(6); // 15:00
        (await Queries.ListAsync(new WorkItemFilter { Now = later, OverdueOnly = true })).Total.ShouldBe(3);
        (await Queries.ListAsync(new WorkItemFilter { Now = later, DueBefore = later.AddHours(3) })).Total.ShouldBe(0);
    }

    [Test]
    public async Task Should_page_in_due_order()
    {
        var (page, total) = await Queries.ListAsync(new WorkItemFilter { Roles = ["clerk"], Skip = 1, Take = 1 });
        total.ShouldBe(3);
        page.Count.ShouldBe(1);
    }
}
