using Engine.Runtime;
using Engine.VersionMigration;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Tests.Migration;

/// <summary>
/// The plan is read before any instance is locked; each instance is then locked and checked again in its own transaction.
/// Here the first instance is held by a transaction that completes it, and the second is moved by another migration,
/// while the migration waits for the first.
/// </summary>
public sealed class When_instances_change_during_a_migration : MigrationTest
{
    [Test]
    public async Task Should_report_the_instance_that_ended_and_the_one_already_moved_and_move_the_others()
    {
        await PublishBothAsync(v1 => v1.Replace("role: section-head", "role: head"));
        var ending = await AtReviewAsync();
        Clock.Advance(TimeSpan.FromSeconds(1)); // instances are moved in order of their (time-ordered) ids
        var movedElsewhere = await AtReviewAsync();
        Clock.Advance(TimeSpan.FromSeconds(1));
        var plain = await AtReviewAsync();

        await using var holder = await DataSource.OpenConnectionAsync();
        await using var held = await holder.BeginTransactionAsync();
        (await Runtime.CompleteAsync(new CompleteWorkItem(ending.OpenedWorkItems[0].Id, "approve", "head-1"), held)).Succeeded.ShouldBeTrue();
        var migrating = Migration.MigrateAsync(Request());
        await WaitUntilBlockedAsync(migrating);
        await using (var other = NewScope())
        {
            var alone = await other.ServiceProvider.GetRequiredService<InstanceMigration>().MigrateAsync(Request(ids: [movedElsewhere.InstanceId]));
            alone.Value!.Moved.ShouldBe(1);
        }
        await held.CommitAsync();
        var report = (await migrating).Value!;

        report.Instances.Select(i => (i.InstanceId, i.Outcome)).ShouldBe([
            (ending.InstanceId, MigrationOutcome.Refused), (movedElsewhere.InstanceId, MigrationOutcome.Unchanged), (plain.InstanceId, MigrationOutcome.Moved)]);
        report.Instances[0].Reason.ShouldBe("Changed meanwhile: The instance is completed: only running and suspended instances move.");
        report.Instances[1].Reason.ShouldBe("Already on version 2: moved meanwhile.");
        (report.Moved, report.Refused, report.Unchanged).ShouldBe((1, 1, 1));
        (await ScalarAsync($"SELECT status || ' ' || definition_version FROM engine.instances WHERE id = '{ending.InstanceId}'")).ShouldBe("Completed 1");
        (await CountAsync("SELECT count(*) FROM engine.history WHERE kind = 'Migrated'")).ShouldBe(2);
    }

    /// <summary>Polls until a session of this database waits for a row lock: the migration reached the held instance.</summary>
    private async Task WaitUntilBlockedAsync(Task migrating)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await CountAsync("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") == 0)
        {
            migrating.IsCompleted.ShouldBeFalse("the migration finished without waiting for the held instance");
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the migration never waited for the held instance");
            await Task.Delay(20);
        }
    }
}
