using Engine.Runtime;
using Engine.VersionMigration;

namespace Engine.Tests.Migration;

public sealed class When_a_mapping_is_invalid : MigrationTest
{
    /// <summary>Version 2 without the timer: a held dossier goes straight to review.</summary>
    private static string WithoutCoolOff(string yaml) => yaml
        .Replace("""
                  - name: hold
                    to: cool-off
            """, """
                  - name: hold
                    to: review
            """)
        .Replace("""
              - id: cool-off
                kind: timer
                duration: 2d
                next: review
            """, "");

    [Test]
    public async Task Should_refuse_a_removed_step_where_an_instance_waits_by_its_path_and_move_nothing()
    {
        await PublishBothAsync(WithoutCoolOff);
        var waiting = await AtCoolOffAsync();
        await AtReceiveAsync();
        var before = await EverythingAsync();

        var result = await Migration.MigrateAsync(Request());

        result.Error!.Code.ShouldBe(EngineErrorCode.InvalidData);
        result.Error.Field.ShouldBe("steps[cool-off]");
        result.Error.Message.ShouldContain($"timer step 'cool-off', which has no step in version 2: map it. (instance {waiting.InstanceId})");
        (await EverythingAsync()).ShouldBe(before);
        var plan = await PlanAsync(Request());
        plan.CanMigrate.ShouldBeFalse();
        plan.Problems.ShouldHaveSingleItem().InstanceId.ShouldBe(waiting.InstanceId);
        plan.Instances.Single(i => i.InstanceId == waiting.InstanceId).CanMove.ShouldBeFalse();
        plan.Instances.Count(i => i.CanMove).ShouldBe(1);
    }

    [Test]
    public async Task Should_refuse_a_step_mapped_to_one_of_another_kind()
    {
        await PublishBothAsync(WithoutCoolOff);
        var waiting = await AtCoolOffAsync();
        var before = await EverythingAsync();

        var result = await Migration.MigrateAsync(Request(new Dictionary<string, string> { ["cool-off"] = "review" }));

        result.Error!.Field.ShouldBe("mapping.cool-off");
        var problems = (await PlanAsync(Request(new Dictionary<string, string> { ["cool-off"] = "review" }))).Problems;
        problems.ShouldBe([
            new MigrationProblem("mapping.cool-off", "timer step 'cool-off' cannot become human step 'review'."),
            new MigrationProblem("steps[cool-off]", "The instance waits at timer step 'cool-off', mapped by mapping.cool-off to human step 'review' " +
                "of version 2: it needs a timer step.", waiting.InstanceId),
        ]);
        (await EverythingAsync()).ShouldBe(before);
    }

    [Test]
    public async Task Should_let_a_removed_step_go_unmapped_while_no_instance_waits_there()
    {
        await PublishBothAsync(WithoutCoolOff);
        await AtReviewAsync();

        (await MigrateAsync(Request())).Moved.ShouldBe(1);
    }

    [Test]
    public async Task Should_list_every_problem_of_the_mapping_as_written()
    {
        await PublishBothAsync(v1 => v1);
        await AtReviewAsync();

        var plan = await PlanAsync(Request(new Dictionary<string, string> { ["reveiw"] = "review", ["review"] = "nowhere" }));

        plan.Problems.Select(p => p.ToString()).ShouldBe([
            "mapping.reveiw: 'reveiw' is not a step of version 1.",
            "mapping.review: 'nowhere' is not a step of version 2.",
            $"steps[review]: The instance waits at human step 'review', which has no step in version 2: map it. (instance {plan.Instances[0].InstanceId})",
        ]);
    }

    [Test]
    public async Task Should_refuse_versions_that_are_the_same_missing_or_drafts()
    {
        await PublishAsync(PermitV1);
        await Store.SaveDraftAsync(PermitV1.Replace("title: Building permit", "title: Draft"), "admin");

        (await PlanAsync(Request(to: 1))).Problems.ShouldHaveSingleItem().Path.ShouldBe("toVersion");
        (await PlanAsync(Request(to: 2))).Problems.ShouldHaveSingleItem().Message.ShouldBe("Version 2 of 'permit' is a draft: instances only run on published versions.");
        (await PlanAsync(Request(from: 7, to: 9))).Problems.Select(p => p.ToString()).ShouldBe([
            "fromVersion: Definition 'permit' has no version 7.", "toVersion: Definition 'permit' has no version 9."]);
        var unaudited = await Migration.MigrateAsync(Request() with { Actor = " ", Reason = "" });
        unaudited.Error!.Message.Split('\n').ShouldBe([
            "actor: A migration is audited: name who runs it.", "reason: A migration is audited: say why the instances move.",
            "toVersion: Version 2 of 'permit' is a draft: instances only run on published versions."]);
    }

    [Test]
    public async Task Should_refuse_given_instances_that_are_not_running_on_the_old_version()
    {
        await PublishBothAsync(v1 => v1);
        var onTwo = await StartAsync("permit", new { unit = "unit-1" }, version: 2);
        var cancelled = await AtReceiveAsync();
        (await Runtime.CancelAsync(cancelled.InstanceId, "admin")).Succeeded.ShouldBeTrue();
        var fine = await AtReceiveAsync();
        var unknown = Guid.CreateVersion7();

        var plan = await PlanAsync(Request(ids: [fine.InstanceId, onTwo.InstanceId, cancelled.InstanceId, unknown]));

        plan.Problems.Select(p => p.ToString()).ShouldBe([
            $"instanceIds[1]: The instance is on version 2, not 1. (instance {onTwo.InstanceId})",
            $"instanceIds[2]: The instance is cancelled: only running and suspended instances move. (instance {cancelled.InstanceId})",
            $"instanceIds[3]: No instance {unknown}.",
        ]);
        plan.Instances.ShouldHaveSingleItem().InstanceId.ShouldBe(fine.InstanceId);
    }
}
