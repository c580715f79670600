namespace Engine.Tests.Migration;

public sealed class When_a_migration_is_tried_first : MigrationTest
{
    private static readonly Dictionary<string, string> Mapping = new() { ["review"] = "check", ["land-opinion"] = "land-review" };

    /// <summary>Version 2 renames two steps, gives the clerk's step another role and budget, and the branches deadline rules.</summary>
    private static string Edited(string yaml) => yaml
        .Replace("id: review", "id: check").Replace("to: review", "to: check").Replace("next: review", "next: check")
        .Replace("land-opinion", "land-review").Replace("role: clerk", "role: receiving-officer").Replace("budget: 1d", "budget: 2d")
        .Replace("        budget: 3d\n", "        budget: 3d\n        onOverdue:\n          - do: remind\n");

    [Test]
    public async Task Should_write_nothing_and_list_exactly_what_the_migration_then_does()
    {
        await PublishBothAsync(Edited);
        await AtReceiveAsync();
        await AtReviewAsync();
        await AtCoolOffAsync();
        await InSplitAsync(taxReplied: true);
        var suspended = await InSplitAsync(taxReplied: false);
        (await Runtime.SuspendAsync(suspended.InstanceId, "admin")).Succeeded.ShouldBeTrue();
        var before = await EverythingAsync();

        var plan = await PlanAsync(Request(Mapping));

        (await EverythingAsync()).ShouldBe(before);
        plan.CanMigrate.ShouldBeTrue();
        plan.StepMapping["review"].ShouldBe("check");
        plan.StepMapping["receive"].ShouldBe("receive");
        plan.StepMapping.ShouldNotContainKey("approved-elsewhere");
        plan.Instances.Count.ShouldBe(5);
        plan.Instances.Count(i => i.Changes.Count > 0).ShouldBe(4); // the timer waits at a step whose id and time stay: only its version moves

        var report = await MigrateAsync(Request(Mapping));

        report.Moved.ShouldBe(5);
        report.Instances.Select(i => i.InstanceId).ShouldBe(plan.Instances.Select(i => i.InstanceId));
        for (var i = 0; i < plan.Instances.Count; i++)
            report.Instances[i].Changes.ShouldBe(plan.Instances[i].Changes, $"instance {i}");
        (await EverythingAsync()).ShouldNotBe(before);
    }

    [Test]
    public async Task Should_show_which_instances_could_not_move_and_why()
    {
        await PublishBothAsync(Edited);
        var review = await AtReviewAsync();
        await AtReceiveAsync();

        var plan = await PlanAsync(Request());

        var stuck = plan.Instances.Single(i => !i.CanMove);
        stuck.InstanceId.ShouldBe(review.InstanceId);
        stuck.Changes.ShouldBeEmpty();
        stuck.Problems.ShouldHaveSingleItem().Path.ShouldBe("steps[review]");
    }
}
