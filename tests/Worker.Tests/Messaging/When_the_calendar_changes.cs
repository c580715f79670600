using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Organisation;
using Worker.Messaging;
using Worker.Tests.Notifications;

namespace Worker.Tests.Messaging;

/// <summary>
/// Found in review: calendar changes never reached due dates. Now the admin use case writes a <see cref="CalendarChanged"/>
/// to the outbox with the change, and its consumer moves the open due dates on the new calendar, once per message.
/// </summary>
public sealed class When_the_calendar_changes : NotificationsTest
{
    private const string Definition = """
        id: calendar-check
        version: 1
        title: Bốn giờ làm việc
        inputs:
          - name: unit
            required: true
        steps:
          - id: check
            kind: human
            title: Kiểm tra
            role: specialist
            unit: $unit
            budget: 4h
            actions:
              - name: done
                to: finished
          - id: finished
            kind: end
            outcome: done
        """;

    private static readonly DateOnly Wednesday = new(2026, 3, 4);
    private static readonly Actor Admin = new(Guid.CreateVersion7(), "admin", "Quản trị hệ thống", null,
        [new ActorMembership(Guid.CreateVersion7(), "000.00.00.H29", "/root/", [Role.SystemAdmin])]);

    private Province _province = null!;

    [SetUp]
    public async Task SeedProvince()
    {
        _province = await Province.SeedAsync(Services);
        await PublishAsync(Definition);
    }

    [Test]
    public async Task Should_leave_due_dates_before_the_new_day_off_and_count_new_work_past_it()
    {
        var item = await OpenAsync(_province.SectionA); // Tuesday 09:00 + 4 office hours: 15:00
        Clock.Advance(TimeSpan.FromHours(7)); // Tuesday 16:00: the government gives Wednesday off
        await With<AddCalendarOverrideHandler, DomainResult<CalendarEntry>>(h =>
            h.HandleAsync(Admin, new AddCalendarOverride(Wednesday, CalendarOverrideKind.DayOff, "Nghỉ bù Giỗ Tổ")));
        (await DueAsync(item)).ShouldBe(At(2026, 3, 3, 15, 0));

        var (id, change) = await CalendarChangedInOutboxAsync();
        change.ShouldBe(new CalendarChanged(Wednesday, Wednesday, null, "Điều chỉnh lịch: Nghỉ bù Giỗ Tổ (04/03/2026)"));
        var report = await ConsumeAsync(change, id);

        report.ShouldBe(new RecomputeReport(1, 0, 0, 0, 0)); // 15:00 on Tuesday is before the day off
        var late = await OpenAsync(_province.SectionA); // opened at 16:00: one hour on Tuesday, three on Thursday
        (await DueAsync(late)).ShouldBe(At(2026, 3, 5, 10, 30));
    }

    [Test]
    public async Task Should_move_a_due_date_on_the_new_day_off_and_record_it_once_per_message()
    {
        Clock.Advance(TimeSpan.FromHours(7)); // Tuesday 16:00: due Wednesday 10:30 on the calendar as it was
        var item = await OpenAsync(_province.SectionA);
        var appointment = await _province.AddDossierAsync(Services, "000.01.31.H29-260303-0001", _province.CommuneA, Tuesday9, At(2026, 3, 4, 17, 0));
        (await DueAsync(item)).ShouldBe(At(2026, 3, 4, 10, 30));

        await With<AddCalendarOverrideHandler, DomainResult<CalendarEntry>>(h =>
            h.HandleAsync(Admin, new AddCalendarOverride(Wednesday, CalendarOverrideKind.DayOff, "Nghỉ bù Giỗ Tổ")));
        var (id, change) = await CalendarChangedInOutboxAsync();
        (await ConsumeAsync(change, id)).ShouldBe(new RecomputeReport(1, 1, 1, 0, 0));
        (await ConsumeAsync(change, id)).ShouldBeNull();

        (await DueAsync(item)).ShouldBe(At(2026, 3, 5, 10, 30));
        (await Scalar<long>("SELECT count(*) FROM engine.history WHERE kind = 'DueDatesChanged' AND comment = $1", change.Reason)).ShouldBe(1);
        // The receipt's appointment is a promise to the citizen: it moves only by an apology, never by itself.
        (await Scalar<DateTime>("SELECT appointment_at FROM procedures.dossiers WHERE id = $1", appointment.Id)).ShouldBe(At(2026, 3, 4, 17, 0).UtcDateTime);
    }

    [Test]
    public async Task Should_move_only_the_due_dates_of_the_unit_whose_office_hours_changed()
    {
        var itemA = await OpenAsync(_province.SectionA);
        var itemB = await OpenAsync(_province.SectionB);

        var updated = await With<UpdateUnitHandler, DomainResult<UnitView>>(h => h.HandleAsync(Admin,
            new UpdateUnit(_province.SectionA.Id, _province.SectionA.Name, OfficeHours: "08:00-12:00,13:00-17:00")));
        updated.Error.ShouldBeNull();
        var (id, change) = await CalendarChangedInOutboxAsync();
        change.UnitId.ShouldBe(_province.SectionA.Id);
        (await ConsumeAsync(change, id))!.Changed.ShouldBe(1);

        (await DueAsync(itemA)).ShouldBe(At(2026, 3, 3, 14, 0)); // 09:00–12:00, then 13:00–14:00
        (await DueAsync(itemB)).ShouldBe(At(2026, 3, 3, 15, 0));
        (await Scalar<long>("SELECT count(*) FROM engine.history h JOIN engine.work_items w ON w.instance_id = h.instance_id " +
            "WHERE h.kind = 'DueDatesChanged' AND w.id = $1", itemB)).ShouldBe(0);
    }

    private async Task<Guid> OpenAsync(Procedures.Organisation.Unit unit)
    {
        await using var scope = Services.CreateAsyncScope();
        var started = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().StartAsync(
            new StartInstance("calendar-check", new JsonObject { ["unit"] = unit.Id.ToString() }));
        started.Error.ShouldBeNull();
        return started.Value!.OpenedWorkItems[0].Id;
    }

    private async Task<DateTimeOffset> DueAsync(Guid workItem) =>
        new((await Scalar<DateTime>("SELECT due_at FROM engine.work_items WHERE id = $1", workItem)).Ticks, TimeSpan.Zero);

    private async Task<(Guid Id, CalendarChanged Change)> CalendarChangedInOutboxAsync()
    {
        await using var command = DataSource.CreateCommand("SELECT id, payload::text FROM engine.outbox WHERE type = $1");
        command.Parameters.Add(new() { Value = typeof(CalendarChanged).FullName });
        await using var r = await command.ExecuteReaderAsync();
        (await r.ReadAsync()).ShouldBeTrue("the change wrote no CalendarChanged to the outbox");
        var row = (r.GetGuid(0), JsonSerializer.Deserialize<CalendarChanged>(r.GetString(1), JsonDefaults.Options)!);
        (await r.ReadAsync()).ShouldBeFalse();
        return row;
    }

    private async Task<RecomputeReport?> ConsumeAsync(CalendarChanged change, Guid messageId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<RecomputeDueDates>(scope.ServiceProvider).HandleAsync(change, messageId, CancellationToken.None);
    }
}
