using Engine.VersionMigration;

namespace Engine.Tests.Migration;

/// <summary>A smaller run of what the benchmark probe measures with 10,000: every kind of wait at once, each in its own transaction.</summary>
public sealed class When_many_instances_move : MigrationTest
{
    [Test]
    public async Task Should_move_two_hundred_instances_waiting_everywhere()
    {
        await PublishBothAsync(v1 => v1.Replace("id: review", "id: check").Replace("to: review", "to: check").Replace("next: review", "next: check")
            .Replace("role: tax-officer", "role: tax-department"));
        for (var i = 0; i < 50; i++)
        {
            await AtReceiveAsync();
            await AtReviewAsync();
            await AtCoolOffAsync();
            await InSplitAsync(taxReplied: i % 2 == 0);
        }

        var plan = await PlanAsync(Request(new Dictionary<string, string> { ["review"] = "check" }));
        var report = await MigrateAsync(Request(new Dictionary<string, string> { ["review"] = "check" }));

        plan.Instances.Count.ShouldBe(200);
        (report.Moved, report.Refused, report.Unchanged).ShouldBe((200, 0, 0));
        report.Instances.ShouldAllBe(i => i.Outcome == MigrationOutcome.Moved);
        (await CountAsync("SELECT count(*) FROM engine.instances WHERE definition_version = 2 AND revision > 1")).ShouldBe(200);
        (await CountAsync("SELECT count(*) FROM engine.history WHERE kind = 'Migrated'")).ShouldBe(200);
        (await CountAsync("SELECT count(*) FROM engine.work_items WHERE status = 'Open' AND step_id = 'review'")).ShouldBe(0);
        (await CountAsync("SELECT count(*) FROM engine.work_items WHERE status = 'Open' AND step_id = 'check'")).ShouldBe(50);
        (await CountAsync("SELECT count(*) FROM engine.work_items WHERE status = 'Open' AND role = 'tax-department'")).ShouldBe(25);
        (await CountAsync("SELECT count(*) FROM engine.timers WHERE status = 'Pending' AND kind = 'Deadline'")).ShouldBe(50);
        (await CountAsync("SELECT count(*) FROM engine.timers WHERE status = 'Pending' AND kind = 'Step'")).ShouldBe(50);
        TestContext.Out.WriteLine($"200 instances: plan and move in {report.Elapsed.TotalMilliseconds:N0} ms");
    }
}
