using Worker.Sla;

namespace Worker.Tests.Sla;

/// <summary>
/// The step opens Tuesday 3 March 2026 09:00 with 2 working days: due Thursday 09:00. Due soon is the later of
/// "1 working day left" (Wednesday 09:00) and "25 % of the budget left" (3 h 45 of office time: Wednesday 14:45).
/// </summary>
public sealed class When_a_work_item_crosses_its_thresholds : SlaTest
{
    private Guid _item;

    [SetUp]
    public async Task Open() => _item = await OpenWorkItemAsync();

    [Test]
    public async Task Should_be_due_on_Thursday_at_nine() =>
        (await Scalar<DateTime>("SELECT due_at FROM engine.work_items WHERE id = $1", _item)).ShouldBe(At(2026, 3, 5, 9, 0).UtcDateTime);

    [Test]
    public async Task Should_alert_nobody_before_it_is_due_soon()
    {
        Clock.Set(At(2026, 3, 4, 14, 30));
        await SweepAsync();
        (await InboxAsync()).ShouldBeEmpty();
    }

    [Test]
    public async Task Should_alert_each_threshold_once_however_often_the_sweep_runs()
    {
        foreach (var moment in new[] { At(2026, 3, 4, 15, 0), At(2026, 3, 5, 7, 0), At(2026, 3, 5, 9, 30), At(2026, 3, 6, 9, 30) })
        {
            Clock.Set(moment);
            for (var run = 0; run < 3; run++) await SweepAsync();
        }
        (await InboxAsync()).ShouldBe([
            "cv.an sla.due-soon", "cv.hoa sla.due-soon",
            "cv.an sla.due-today", "cv.hoa sla.due-today",
            "ct.cuong sla.escalated",
            "cv.an sla.overdue", "cv.hoa sla.overdue", "tp.binh sla.overdue",
        ]);
        (await Scalar<long>("SELECT count(*) FROM notifications.sla_alerts WHERE subject_id = $1", _item)).ShouldBe(4);
    }

    [Test]
    public async Task Should_alert_once_each_when_two_sweepers_run_at_every_step()
    {
        foreach (var moment in new[] { At(2026, 3, 4, 15, 0), At(2026, 3, 5, 7, 0), At(2026, 3, 5, 9, 30), At(2026, 3, 6, 9, 30) })
        {
            Clock.Set(moment);
            await SweepConcurrentlyAsync(2);
            await SweepConcurrentlyAsync(2);
        }
        (await InboxAsync()).Count.ShouldBe(8);
        (await Scalar<long>("SELECT count(*) FROM notifications.sla_alerts")).ShouldBe(4);
    }

    [Test]
    public async Task Should_escalate_to_the_section_head_then_the_unit_leader_of_that_unit_only()
    {
        Clock.Set(At(2026, 3, 5, 9, 30));
        await SweepAsync();
        (await InboxAsync()).ShouldContain("tp.binh sla.overdue");
        (await InboxAsync()).ShouldNotContain(x => x.StartsWith("ct.", StringComparison.Ordinal));

        Clock.Set(At(2026, 3, 6, 8, 59));
        await SweepAsync();
        (await InboxAsync()).ShouldNotContain(x => x.StartsWith("ct.", StringComparison.Ordinal));

        Clock.Set(At(2026, 3, 6, 9, 0));
        await SweepAsync();
        var inbox = await InboxAsync();
        inbox.ShouldContain("ct.cuong sla.escalated");
        inbox.ShouldNotContain(x => x.StartsWith("ct.dung", StringComparison.Ordinal) || x.StartsWith("tp.em", StringComparison.Ordinal));
    }

    [Test]
    public async Task Should_tell_only_the_latest_threshold_when_a_sweep_finds_several_new_ones_at_once()
    {
        Clock.Set(At(2026, 3, 6, 10, 0));
        await SweepConcurrentlyAsync(4);
        (await InboxAsync()).ShouldBe(["ct.cuong sla.escalated", "cv.an sla.overdue", "cv.hoa sla.overdue", "tp.binh sla.overdue"]);
        (await Scalar<long>("SELECT count(*) FROM notifications.sla_alerts")).ShouldBe(2, "due soon and due today are passed over, not recorded");
    }

    [Test]
    public async Task Should_never_raise_a_passed_over_threshold_in_a_later_sweep()
    {
        foreach (var moment in new[] { At(2026, 3, 5, 9, 30), At(2026, 3, 5, 16, 0), At(2026, 3, 6, 8, 0), At(2026, 3, 6, 9, 30) })
        {
            Clock.Set(moment);
            await SweepAsync();
        }
        (await InboxAsync()).ShouldBe(["ct.cuong sla.escalated", "cv.an sla.overdue", "cv.hoa sla.overdue", "tp.binh sla.overdue"]);
        (await Scalar<long>("SELECT count(*) FROM notifications.sla_alerts WHERE threshold IN ('due-soon', 'due-today')")).ShouldBe(0);
    }

    [Test]
    public async Task Should_still_tell_due_today_after_due_soon_when_the_sweeps_see_them_apart()
    {
        Clock.Set(At(2026, 3, 4, 15, 0));
        await SweepAsync();
        Clock.Set(At(2026, 3, 5, 7, 0));
        await SweepAsync();
        (await InboxAsync()).ShouldBe(["cv.an sla.due-soon", "cv.hoa sla.due-soon", "cv.an sla.due-today", "cv.hoa sla.due-today"], ignoreOrder: true);
    }

    [Test]
    public async Task Should_write_one_push_message_per_recipient_carrying_each_notification()
    {
        Clock.Set(At(2026, 3, 5, 9, 30));
        await SweepAsync();
        var inbox = await InboxAsync();
        (await Scalar<long>("SELECT count(*) FROM engine.outbox WHERE type = 'notifications.notifications-created'"))
            .ShouldBe(inbox.Select(row => row.Split(' ')[0]).Distinct().Count());
        (await Scalar<long>("SELECT sum(jsonb_array_length(payload->'notifications')) FROM engine.outbox WHERE type = 'notifications.notifications-created'"))
            .ShouldBe(inbox.Count);
        (await Scalar<long>("""
            SELECT count(*) FROM engine.outbox o, jsonb_array_elements(o.payload->'notifications') n
            WHERE o.type = 'notifications.notifications-created' AND n->>'recipient' <> o.payload->>'recipient'
            """)).ShouldBe(0);
    }

    [Test]
    public async Task Should_stop_alerting_once_the_work_is_done()
    {
        await ExecuteAsync("UPDATE engine.work_items SET status = 'Completed' WHERE id = $1", _item);
        Clock.Set(At(2026, 3, 6, 10, 0));
        (await SweepAsync()).WorkItems.ShouldBe(0);
        (await InboxAsync()).ShouldBeEmpty();
    }
}
