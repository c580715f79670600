using Engine.VersionMigration;

namespace Engine.Tests.Migration;

public sealed class When_deadline_rules_change : MigrationTest
{
    private const string Remind = "    onOverdue:\n      - do: remind\n";

    /// <summary>Version 2 escalates a late dossier to the section head a day after it is due, and still reminds at once.</summary>
    private static string EscalateThenRemind(string yaml) =>
        yaml.Replace(Remind, "    onOverdue:\n      - after: 1d\n        do: escalate\n        role: section-head\n      - do: remind\n");

    [Test]
    public async Task Should_cancel_the_old_rules_and_create_the_new_ones_due_from_the_same_due_time()
    {
        await PublishBothAsync(EscalateThenRemind);
        var item = (await AtReceiveAsync()).OpenedWorkItems.Single();
        item.DueAt.ShouldBe(Monday9.AddDays(1));

        await MigrateAsync(Request());

        (await ScalarAsync($"SELECT string_agg(status || ' ' || step_id || ' ' || (data ->> 'rule') || ' ' || to_char(due_at AT TIME ZONE 'UTC', 'DD HH24:MI'), ', ' " +
            $"ORDER BY created_at, due_at) FROM engine.timers WHERE work_item_id = '{item.Id}'"))
            .ShouldBe("Cancelled receive 0 03 02:00, Pending receive 1 03 02:00, Pending receive 0 04 02:00");
        Clock.Set(item.DueAt!.Value.AddMinutes(1));
        (await Runtime.FireDueTimersAsync()).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.history WHERE kind = 'DeadlinePassed'")).ShouldBe(1);
        Clock.Advance(TimeSpan.FromDays(1));
        (await Runtime.FireDueTimersAsync()).ShouldBe(1);
        (await ScalarAsync($"SELECT role FROM engine.work_items WHERE id = '{item.Id}'")).ShouldBe("section-head");
    }

    [Test]
    public async Task Should_not_apply_again_a_rule_that_already_fired_under_the_old_version()
    {
        await PublishBothAsync(EscalateThenRemind);
        var item = (await AtReceiveAsync()).OpenedWorkItems.Single();
        Clock.Set(item.DueAt!.Value.AddMinutes(1));
        (await Runtime.FireDueTimersAsync()).ShouldBe(1);

        var report = await MigrateAsync(Request());

        report.Instances.Single().Changes.Where(c => c.Kind is MigrationChangeKind.DeadlineCreated or MigrationChangeKind.DeadlineCancelled)
            .ShouldBe([new MigrationChange(MigrationChangeKind.DeadlineCreated, item.Id, null, "steps[receive].onOverdue[0] escalate at 2026-03-04T02:00:00Z")]);
        Clock.Advance(TimeSpan.FromDays(2));
        (await Runtime.FireDueTimersAsync()).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.history WHERE kind = 'DeadlinePassed'")).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.history WHERE kind = 'Escalated'")).ShouldBe(1);
    }

    [Test]
    public async Task Should_give_branches_still_working_the_new_branch_rules_due_from_the_branch_due_time()
    {
        await PublishBothAsync(v1 => v1.Replace("        budget: 3d\n", "        budget: 3d\n        onOverdue:\n          - do: remind\n"));
        var split = await InSplitAsync(taxReplied: true);

        var report = await MigrateAsync(Request());

        var activation = await ScalarAsync($"SELECT t -> 'scopes' -> 0 ->> 'activation' FROM engine.instances, jsonb_array_elements(tokens) t " +
            $"WHERE id = '{split.InstanceId}' AND t ->> 'stepId' = 'land-opinion'");
        report.Instances.Single().Changes.ShouldBe([new MigrationChange(MigrationChangeKind.DeadlineCreated, Guid.Parse(activation), null,
            "steps[consult].branches[land].onOverdue[0] remind at 2026-03-05T02:00:00Z")]);
        (await ScalarAsync("SELECT step_id || ' ' || (data ->> 'branch') || ' ' || (data ->> 'activation') FROM engine.timers WHERE kind = 'BranchDeadline'"))
            .ShouldBe($"consult land {activation}");
        Clock.Set(Monday9.AddDays(3).AddMinutes(1));
        (await Runtime.FireDueTimersAsync()).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.history WHERE kind = 'DeadlinePassed' AND data ->> 'branch' = 'land'")).ShouldBe(1);
    }
}
