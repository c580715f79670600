using Engine.Runtime;

namespace Engine.Tests.Runtime;

public sealed class When_work_items_are_claimed_released_and_reassigned : EngineTest
{
    private Guid _item;

    [SetUp]
    public async Task Start()
    {
        await PublishAsync(SampleDefinitions.Approval);
        _item = (await StartAsync("approval", new { applicant = "A" })).OpenedWorkItems[0].Id;
    }

    [Test]
    public async Task Should_let_one_clerk_claim_and_keep_others_out()
    {
        (await Runtime.ClaimAsync(_item, "clerk-1")).Succeeded.ShouldBeTrue();
        (await Runtime.ClaimAsync(_item, "clerk-2")).Error!.Code.ShouldBe(EngineErrorCode.Conflict);
        (await Runtime.CompleteAsync(new CompleteWorkItem(_item, "accept", "clerk-2"))).Error!.Code.ShouldBe(EngineErrorCode.NotAssignee);
        (await Runtime.CompleteAsync(new CompleteWorkItem(_item, "accept", "clerk-1"))).Succeeded.ShouldBeTrue();
    }

    [Test]
    public async Task Should_let_only_the_claimer_release()
    {
        await Runtime.ClaimAsync(_item, "clerk-1");
        (await Runtime.ReleaseAsync(_item, "clerk-2")).Error!.Code.ShouldBe(EngineErrorCode.NotAssignee);
        (await Runtime.ReleaseAsync(_item, "clerk-1")).Succeeded.ShouldBeTrue();
        (await Runtime.ClaimAsync(_item, "clerk-2")).Succeeded.ShouldBeTrue();
    }

    [Test]
    public async Task Should_move_the_item_to_the_new_assignee_and_record_it()
    {
        await Runtime.ClaimAsync(_item, "clerk-1");
        (await Runtime.ReassignAsync(_item, "clerk-3", "leader-1", "Đồng chí A nghỉ phép")).Succeeded.ShouldBeTrue();
        (await Runtime.CompleteAsync(new CompleteWorkItem(_item, "accept", "clerk-1"))).Error!.Code.ShouldBe(EngineErrorCode.NotAssignee);
        (await Runtime.CompleteAsync(new CompleteWorkItem(_item, "accept", "clerk-3"))).Succeeded.ShouldBeTrue();
        (await CountAsync("SELECT count(*) FROM engine.history WHERE kind IN ('Claimed', 'Reassigned')")).ShouldBe(2);
    }

    [Test]
    public async Task Should_refuse_changes_to_a_completed_item()
    {
        await Runtime.CompleteAsync(new CompleteWorkItem(_item, "accept", "clerk-1"));
        (await Runtime.ClaimAsync(_item, "clerk-1")).Error!.Code.ShouldBe(EngineErrorCode.Conflict);
        (await Runtime.CompleteAsync(new CompleteWorkItem(_item, "accept", "clerk-1"))).Error!.Code.ShouldBe(EngineErrorCode.Conflict);
        (await Runtime.ClaimAsync(Guid.NewGuid(), "clerk-1")).Error!.Code.ShouldBe(EngineErrorCode.NotFound);
    }

    [Test]
    public async Task Should_refuse_work_on_a_suspended_instance_until_resumed()
    {
        var instance = (await Db.WorkItems.FindAsync(_item))!.InstanceId;
        await Runtime.SuspendAsync(instance, "admin");
        (await Runtime.CompleteAsync(new CompleteWorkItem(_item, "accept", "clerk-1"))).Error!.Code.ShouldBe(EngineErrorCode.NotRunning);
        (await Runtime.SuspendAsync(instance, "admin")).Error!.Code.ShouldBe(EngineErrorCode.NotRunning);
        await Runtime.ResumeAsync(instance, "admin");
        (await Runtime.CompleteAsync(new CompleteWorkItem(_item, "accept", "clerk-1"))).Succeeded.ShouldBeTrue();
    }
}
