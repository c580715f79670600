using System.Text.Json.Nodes;
using Engine.VersionMigration;

namespace Engine.Tests.Migration;

public sealed class When_instances_move_to_a_new_version : MigrationTest
{
    private static string RenameReviewToCheck(string yaml) =>
        yaml.Replace("id: review", "id: check").Replace("to: review", "to: check").Replace("next: review", "next: check");

    [Test]
    public async Task Should_map_a_step_to_the_step_with_the_same_id_and_take_its_role_and_title()
    {
        await PublishBothAsync(v1 => v1.Replace("role: clerk", "role: receiving-officer").Replace("title: Receive the dossier", "title: Receive and check"));
        var started = await AtReceiveAsync();

        var report = await MigrateAsync(Request());

        report.Moved.ShouldBe(1);
        report.Refused.ShouldBe(0);
        var item = started.OpenedWorkItems[0].Id;
        var deadline = Guid.Parse(await ScalarAsync($"SELECT id FROM engine.timers WHERE work_item_id = '{item}' AND status = 'Cancelled'"));
        // The step's deadline rule is cancelled and created again from version 2's rules, due from the item's same due time.
        report.Instances.Single().Changes.ShouldBe([
            new MigrationChange(MigrationChangeKind.WorkItemRole, item, "clerk", "receiving-officer"),
            new MigrationChange(MigrationChangeKind.WorkItemTitle, item, "Receive the dossier", "Receive and check"),
            new MigrationChange(MigrationChangeKind.DeadlineCancelled, deadline, "steps[receive].onOverdue[0]", null),
            new MigrationChange(MigrationChangeKind.DeadlineCreated, item, null, "steps[receive].onOverdue[0] remind at 2026-03-03T02:00:00Z"),
        ]);
        var v2 = (await Store.VersionsAsync("permit")).Single(v => v.Version == 2);
        (await ScalarAsync($"SELECT definition_version || ' ' || definition_record_id || ' ' || revision FROM engine.instances WHERE id = '{started.InstanceId}'"))
            .ShouldBe($"2 {v2.RecordId} 2");
        (await ScalarAsync($"SELECT step_id || ' ' || role || ' ' || title FROM engine.work_items WHERE instance_id = '{started.InstanceId}'"))
            .ShouldBe("receive receiving-officer Receive and check");
    }

    [Test]
    public async Task Should_move_a_renamed_step_by_the_mapping()
    {
        await PublishBothAsync(RenameReviewToCheck);
        var review = await AtReviewAsync();

        var report = await MigrateAsync(Request(new Dictionary<string, string> { ["review"] = "check" }));

        var item = review.OpenedWorkItems[0].Id;
        report.Instances.Single().Changes.ShouldContain(new MigrationChange(MigrationChangeKind.WorkItemStep, item, "review", "check"));
        (await ScalarAsync($"SELECT step_id FROM engine.work_items WHERE id = '{item}'")).ShouldBe("check");
        (await ScalarAsync($"SELECT tokens -> 0 ->> 'stepId' FROM engine.instances WHERE id = '{review.InstanceId}'")).ShouldBe("check");
    }

    [Test]
    public async Task Should_continue_on_the_new_version_once_moved()
    {
        await PublishBothAsync(v1 => v1.Replace("""
                  - name: approve
                    to: approved
            """, """
                  - name: approve
                    to: sign
              - id: sign
                kind: human
                role: leader
                budget: 4h
                actions:
                  - name: sign
                    to: approved
            """));
        var review = await AtReviewAsync();
        await MigrateAsync(Request());

        var next = await CompleteAsync(review.OpenedWorkItems[0].Id, "approve", "head-1");

        next.OpenedWorkItems.Single().StepId.ShouldBe("sign");
        next.OpenedWorkItems.Single().Role.ShouldBe("leader");
    }

    [Test]
    public async Task Should_move_a_waiting_timer_and_fire_it_into_the_new_version()
    {
        await PublishBothAsync(v1 => RenameReviewToCheck(v1).Replace("cool-off", "cooling"));
        var waiting = await AtCoolOffAsync();

        var report = await MigrateAsync(Request(new Dictionary<string, string> { ["cool-off"] = "cooling", ["review"] = "check" }));

        report.Instances.Single().Changes.Select(c => c.Kind).ShouldBe([MigrationChangeKind.TokenStep, MigrationChangeKind.TimerStep]);
        (await ScalarAsync($"SELECT step_id FROM engine.timers WHERE instance_id = '{waiting.InstanceId}' AND kind = 'Step'")).ShouldBe("cooling");
        Clock.Advance(TimeSpan.FromDays(4));
        (await Runtime.FireDueTimersAsync()).ShouldBe(1);
        (await ScalarAsync($"SELECT step_id FROM engine.work_items WHERE instance_id = '{waiting.InstanceId}' AND status = 'Open'")).ShouldBe("check");
    }

    [Test]
    public async Task Should_keep_a_suspended_instance_suspended()
    {
        await PublishBothAsync(v1 => v1.Replace("role: clerk", "role: receiving-officer"));
        var started = await AtReceiveAsync();
        (await Runtime.SuspendAsync(started.InstanceId, "admin", "waiting for the inspector")).Succeeded.ShouldBeTrue();

        (await MigrateAsync(Request())).Moved.ShouldBe(1);

        (await ScalarAsync($"SELECT status || ' ' || definition_version FROM engine.instances WHERE id = '{started.InstanceId}'")).ShouldBe("Suspended 2");
        (await Runtime.ResumeAsync(started.InstanceId, "admin")).Succeeded.ShouldBeTrue();
        (await CompleteAsync(started.OpenedWorkItems[0].Id, "accept", "clerk-1")).OpenedWorkItems.Single().StepId.ShouldBe("review");
    }

    [Test]
    public async Task Should_keep_due_dates_assignees_claims_and_units_of_open_work()
    {
        await PublishBothAsync(v1 => v1.Replace("budget: 1d", "budget: 3d").Replace("role: clerk", "role: receiving-officer"));
        var item = (await AtReceiveAsync()).OpenedWorkItems[0].Id;
        (await Runtime.ReassignAsync(item, "clerk-9", "head-1")).Succeeded.ShouldBeTrue();
        (await Runtime.ClaimAsync(item, "clerk-9")).Succeeded.ShouldBeTrue();
        const string kept = "unit_id || ' ' || assignee || ' ' || claimed_by || ' ' || created_at || ' ' || due_at";
        var before = await ScalarAsync($"SELECT {kept} FROM engine.work_items WHERE id = '{item}'");
        Clock.Advance(TimeSpan.FromHours(3));

        await MigrateAsync(Request());

        (await ScalarAsync($"SELECT {kept} FROM engine.work_items WHERE id = '{item}'")).ShouldBe(before);
        (await ScalarAsync($"SELECT budget || ' ' || role FROM engine.work_items WHERE id = '{item}'")).ShouldBe("3d receiving-officer");
    }

    [Test]
    public async Task Should_write_one_history_row_with_the_versions_the_mapping_and_the_changes()
    {
        await PublishBothAsync(RenameReviewToCheck);
        var review = await AtReviewAsync();

        var report = await MigrateAsync(Request(new Dictionary<string, string> { ["review"] = "check" }));

        (await CountAsync($"SELECT count(*) FROM engine.history WHERE instance_id = '{review.InstanceId}' AND kind = 'Migrated'")).ShouldBe(1);
        (await ScalarAsync($"SELECT actor || ' | ' || comment FROM engine.history WHERE kind = 'Migrated'")).ShouldBe($"admin | {Reason}");
        var data = JsonNode.Parse(await ScalarAsync("SELECT data FROM engine.history WHERE kind = 'Migrated'"))!;
        data["fromVersion"]!.GetValue<int>().ShouldBe(1);
        data["toVersion"]!.GetValue<int>().ShouldBe(2);
        data["mapping"]!["review"]!.GetValue<string>().ShouldBe("check");
        data["changes"]!.AsArray().Count.ShouldBe(report.Instances.Single().Changes.Count);
        data["changes"]![0]!["kind"]!.GetValue<string>().ShouldBe("TokenStep");
    }
}
