using Engine.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Calendar;
using Procedures.Hosting;
using Procedures.Organisation;
using Procedures.Tests.Organisation;

namespace Procedures.Tests.CalendarAdmin;

/// <summary>
/// Found in review: only the process that handled an admin change reloaded its calendar. Here a second "process" (its
/// own services, data source, calendar and listener on the same database) must see every change within seconds, and
/// keep seeing them after its connection is cut.
/// </summary>
public sealed class When_another_process_changes_the_calendar : OrganisationTest
{
    private static readonly DateOnly Wednesday = new(2026, 3, 4), Thursday = new(2026, 3, 5);
    private ServiceProvider _other = null!;
    private CalendarChangeListener _listener = null!;

    private VietnameseCalendar OtherCalendar => _other.GetRequiredService<CalendarProvider>().Current;

    [SetUp]
    public async Task StartTheOtherProcess()
    {
        _other = new ServiceCollection().AddLogging().AddWorkflowEngine(ProceduresDatabase.ConnectionString).AddProcedures()
            .AddCalendarChangeListener().BuildServiceProvider();
        _listener = _other.GetRequiredService<CalendarChangeListener>();
        await _listener.StartAsync(CancellationToken.None);
        await EventuallyAsync(() => _listener.Reloads > 0, "the listener never started listening");
    }

    [TearDown]
    public async Task StopTheOtherProcess()
    {
        await _listener.StopAsync(CancellationToken.None);
        _listener.Dispose();
        await _other.DisposeAsync();
    }

    [Test]
    public async Task Should_count_a_day_off_added_elsewhere_within_seconds()
    {
        OtherCalendar.IsWorkingDay(Wednesday).ShouldBeTrue();

        (await Handler<AddCalendarOverrideHandler>().HandleAsync(SystemAdmin, new AddCalendarOverride(Wednesday, CalendarOverrideKind.DayOff, "Nghỉ bù")))
            .Error.ShouldBeNull();

        await EventuallyAsync(() => !OtherCalendar.IsWorkingDay(Wednesday), "the other process still counts Wednesday as a working day");
    }

    [Test]
    public async Task Should_apply_a_cut_off_and_culture_day_changed_elsewhere_without_a_restart()
    {
        var at1530 = new DateTimeOffset(2026, 3, 3, 15, 30, 0, VietnameseCalendar.UtcOffset);
        OtherCalendar.ReceptionDay(at1530).ShouldBe(new DateOnly(2026, 3, 4));

        (await Handler<UpdateCalendarRulesHandler>().HandleAsync(SystemAdmin, new UpdateCalendarRules(new TimeOnly(16, 0), null))).Error.ShouldBeNull();

        await EventuallyAsync(() => OtherCalendar.ReceptionDay(at1530) == new DateOnly(2026, 3, 3), "the other process still cuts off at 15:00");
        OtherCalendar.IsWorkingDay(new DateOnly(2026, 11, 24)).ShouldBeTrue();
    }

    [Test]
    public async Task Should_count_a_units_new_office_hours_changed_elsewhere()
    {
        (await Handler<UpdateUnitHandler>().HandleAsync(SystemAdmin, new UpdateUnit(SectionA.Id, SectionA.Name, OfficeHours: "08:00-12:00,13:00-17:00")))
            .Error.ShouldBeNull();

        await EventuallyAsync(() => OtherCalendar.Settings.UnitOfficeHours.ContainsKey(SectionA.Id.ToString()),
            "the other process does not know the section's office hours");
    }

    [Test]
    public async Task Should_listen_again_after_its_connection_is_terminated_and_reload_what_it_missed()
    {
        var cut = _listener.ListeningProcessId;
        // Written without a notification, as a change made while nobody listened: only the reload after reconnecting finds it.
        Db.CalendarOverrides.Add(new CalendarOverrideRecord
        {
            Id = Guid.CreateVersion7(), Date = Wednesday, Kind = CalendarOverrideKind.DayOff, Name = "Nghỉ bù", CreatedAt = Clock.GetUtcNow(),
        });
        await Db.SaveChangesAsync();
        await using (var terminate = DataSource.CreateCommand($"SELECT pg_terminate_backend({cut})"))
            (await terminate.ExecuteScalarAsync()).ShouldBe(true);

        await EventuallyAsync(() => _listener.ListeningProcessId is not 0 and var now && now != cut, "the listener did not connect again");
        await EventuallyAsync(() => !OtherCalendar.IsWorkingDay(Wednesday), "the reconnected listener did not reload");
        await Handler<AddCalendarOverrideHandler>().HandleAsync(SystemAdmin, new AddCalendarOverride(Thursday, CalendarOverrideKind.DayOff, "Nghỉ thêm"));
        await EventuallyAsync(() => !OtherCalendar.IsWorkingDay(Thursday), "the new connection hears no notification");
    }

    /// <summary>Polls until <paramref name="condition"/> holds, for at most ten seconds.</summary>
    private static async Task EventuallyAsync(Func<bool> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail(failure);
            await Task.Delay(50);
        }
    }
}
