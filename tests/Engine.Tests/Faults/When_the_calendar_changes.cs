using Engine.Calendar;
using Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Tests.Faults;

/// <summary>
/// Found by trying the engine: calendar changes were not applied; due dates were never recomputed. Now a change
/// recomputes every open due time it can move, recorded in the history.
/// </summary>
public sealed class When_the_calendar_changes : EngineTest
{
    private static readonly DateOnly Tuesday = new(2026, 3, 3);
    private HolidayCalendar _calendar = null!;

    protected override void Configure(IServiceCollection services)
    {
        _calendar = new HolidayCalendar();
        services.AddSingleton<IWorkingCalendar>(_calendar);
    }

    private const string Steps = """
        id: steps
        version: 1
        title: A two-day step, then a two-day wait
        steps:
          - id: process
            kind: human
            role: specialist
            budget: 2d
            onOverdue:
              - after: 1d
                do: remind
            actions:
              - name: done
                to: wait
          - id: wait
            kind: timer
            duration: 2d
            next: done
          - id: done
            kind: end
            outcome: done
        """;

    [SetUp]
    public async Task Publish()
    {
        await PublishAsync(Steps);
        await PublishAsync(SampleDefinitions.Consultation);
    }

    [Test]
    public async Task Should_move_due_dates_past_a_new_holiday_and_record_it()
    {
        var started = await StartAsync("steps"); // Monday 09:00: due Wednesday 09:00, reminder Thursday 09:00
        var item = started.OpenedWorkItems[0];
        item.DueAt.ShouldBe(Monday9.AddDays(2));

        _calendar.Holidays.Add(Tuesday);
        var report = await Runtime.RecomputeDueDatesAsync(new CalendarChange(Tuesday, Tuesday, null, "Nghỉ bù"));

        report.ShouldBe(new RecomputeReport(1, 1, 1, 1, 0));
        (await Due($"SELECT due_at FROM engine.work_items WHERE id = '{item.Id}'")).ShouldBe(Monday9.AddDays(3));
        (await Due("SELECT due_at FROM engine.timers WHERE kind = 'Deadline'")).ShouldBe(Monday9.AddDays(4));
        (await Due("SELECT next_attempt_at FROM engine.timers WHERE kind = 'Deadline'")).ShouldBe(Monday9.AddDays(4));
        (await CountAsync("SELECT count(*) FROM engine.history WHERE kind = 'DueDatesChanged' AND comment = 'Nghỉ bù' AND jsonb_array_length(data -> 'moved') = 2")).ShouldBe(1);

        (await Runtime.RecomputeDueDatesAsync(new CalendarChange(Tuesday, Tuesday, null, "again"))).Changed.ShouldBe(0);
    }

    [Test]
    public async Task Should_move_a_timer_steps_wait_and_a_branch_due_time_with_its_items()
    {
        var waiting = await StartAsync("steps");
        await CompleteAsync(waiting.OpenedWorkItems[0].Id, "done", "spec-1"); // the wait: due Wednesday 09:00
        var consultation = await StartAsync("consultation");
        var split = await CompleteAsync(consultation.OpenedWorkItems[0].Id, "send", "spec-1"); // tax 1d: Tuesday 09:00

        _calendar.Holidays.Add(Tuesday);
        var report = await Runtime.RecomputeDueDatesAsync(new CalendarChange(Tuesday, Tuesday, null, "Nghỉ lễ"));

        report.Failed.ShouldBe(0);
        (await Due("SELECT due_at FROM engine.timers WHERE kind = 'Step' AND status = 'Pending'")).ShouldBe(Monday9.AddDays(3));
        var tax = split.OpenedWorkItems.Single(w => w.StepId == "tax-opinion");
        (await Due($"SELECT due_at FROM engine.work_items WHERE id = '{tax.Id}'")).ShouldBe(Monday9.AddDays(2));
        (await CountAsync($"SELECT count(*) FROM engine.instances WHERE id = '{consultation.InstanceId}' AND tokens @> '[{{\"scopes\": [{{\"branch\": \"tax\", \"dueAt\": \"{Monday9.AddDays(2).ToUniversalTime():yyyy-MM-ddTHH:mm:ss}+00:00\"}}]}}]'")).ShouldBe(1);
    }

    [Test]
    public async Task Should_go_on_with_the_other_instances_when_one_cannot_be_recomputed()
    {
        var broken = await StartAsync("steps");
        var fine = await StartAsync("steps");
        await using (var cmd = DataSource.CreateCommand($"UPDATE engine.instances SET tokens = '{{\"not\": \"a list\"}}' WHERE id = '{broken.InstanceId}'"))
            await cmd.ExecuteNonQueryAsync();
        _calendar.Holidays.Add(Tuesday);

        var report = await Runtime.RecomputeDueDatesAsync(new CalendarChange(Tuesday, Tuesday, null, "Nghỉ bù"));

        (report.Instances, report.Changed, report.Failed).ShouldBe((2, 1, 1));
        (await Due($"SELECT due_at FROM engine.work_items WHERE id = '{fine.OpenedWorkItems[0].Id}'")).ShouldBe(Monday9.AddDays(3));
    }

    [Test]
    public async Task Should_leave_an_instance_alone_when_the_change_is_after_everything_it_waits_for()
    {
        await StartAsync("steps");
        _calendar.Holidays.Add(new DateOnly(2026, 4, 30));
        (await Runtime.RecomputeDueDatesAsync(new CalendarChange(new DateOnly(2026, 4, 30), new DateOnly(2026, 4, 30), null, "30/4"))).Instances.ShouldBe(0);
    }

    private async Task<DateTimeOffset> Due(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        await using var r = await cmd.ExecuteReaderAsync();
        (await r.ReadAsync()).ShouldBeTrue();
        return r.GetFieldValue<DateTimeOffset>(0);
    }
}
