using Engine.Runtime;
using Engine.VersionMigration;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Tests.Migration;

/// <summary>
/// The plan is read before any instance is locked; each instance is then locked and checked again in its own transaction.
/// Here transactions the test holds keep two instances locked while the migration waits for them: one completes its
/// instance, and a second migration queues for the other.
/// </summary>
public sealed class When_instances_change_during_a_migration : MigrationTest
{
    [Test]
    public async Task Should_report_an_instance_that_ended_or_was_moved_meanwhile_and_move_the_others()
    {
        await PublishBothAsync(v1 => v1.Replace("role: section-head", "role: head"));
        var ending = await AtReviewAsync();
        var contested = await AtReviewAsync();
        var plain = await AtReviewAsync();
        await using var first = await DataSource.OpenConnectionAsync();
        await using var completing = await first.BeginTransactionAsync();
        (await Runtime.CompleteAsync(new CompleteWorkItem(ending.OpenedWorkItems[0].Id, "approve", "head-1"), completing)).Succeeded.ShouldBeTrue();
        await using var second = await DataSource.OpenConnectionAsync();
        await using var claiming = await second.BeginTransactionAsync();
        (await Runtime.ClaimAsync(contested.OpenedWorkItems[0].Id, "head-1", claiming)).Succeeded.ShouldBeTrue();

        var all = Migration.MigrateAsync(Request());
        await WaitForLockWaitersAsync(2, all); // its connections wait for both held instances
        await using var other = NewScope();
        var one = other.ServiceProvider.GetRequiredService<InstanceMigration>().MigrateAsync(Request(ids: [contested.InstanceId]));
        await WaitForLockWaitersAsync(3, one);
        await claiming.CommitAsync();
        await completing.CommitAsync();
        var (report, alone) = ((await all).Value!, (await one).Value!);

        var line = report.Instances.ToDictionary(i => i.InstanceId);
        line[ending.InstanceId].Outcome.ShouldBe(MigrationOutcome.Refused);
        line[ending.InstanceId].Reason.ShouldBe("Changed meanwhile: The instance is completed: only running and suspended instances move.");
        line[plain.InstanceId].Outcome.ShouldBe(MigrationOutcome.Moved);
        // Whichever migration got the contested instance first moved it; the other found it on version 2 already.
        var contestedLines = new[] { line[contested.InstanceId], alone.Instances.Single() };
        contestedLines.Select(i => i.Outcome).ShouldBe([MigrationOutcome.Moved, MigrationOutcome.Unchanged], ignoreOrder: true);
        contestedLines.Single(i => i.Outcome == MigrationOutcome.Unchanged).Reason.ShouldBe("Already on version 2: moved meanwhile.");
        (report.Refused, report.Moved + report.Unchanged).ShouldBe((1, 2));
        (await ScalarAsync($"SELECT status || ' ' || definition_version FROM engine.instances WHERE id = '{ending.InstanceId}'")).ShouldBe("Completed 1");
        (await CountAsync("SELECT count(*) FROM engine.history WHERE kind = 'Migrated'")).ShouldBe(2);
    }

    /// <summary>Polls until that many sessions of this database wait for a row lock: the migrations reached the held instances.</summary>
    private async Task WaitForLockWaitersAsync(int waiters, Task migrating)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await CountAsync("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") < waiters)
        {
            migrating.IsCompleted.ShouldBeFalse("the migration finished without waiting for a held instance");
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the migration never waited for a held instance");
            await Task.Delay(20);
        }
    }
}
