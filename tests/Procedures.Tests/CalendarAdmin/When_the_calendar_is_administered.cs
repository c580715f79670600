using Engine.Calendar;
using Engine.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Tests.Organisation;

namespace Procedures.Tests.CalendarAdmin;

public sealed class When_the_calendar_is_administered : OrganisationTest
{
    private static readonly DateOnly Saturday = new(2026, 3, 7);
    private static readonly DateOnly Friday = new(2026, 3, 6);
    private static readonly DateOnly NationalDay = new(2026, 9, 2);

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), VietnameseCalendar.UtcOffset);

    private IWorkingCalendar EngineCalendar => Services.GetRequiredService<IWorkingCalendar>();

    [Test]
    public async Task Should_make_the_engine_count_a_make_up_saturday_at_once()
    {
        EngineCalendar.Add(At(Friday, 10), WorkingTime.Days(1)).ShouldBe(At(Friday.AddDays(3), 10));

        var entry = await Handler<AddCalendarOverrideHandler>().HandleAsync(SystemAdmin,
            new AddCalendarOverride(Saturday, CalendarOverrideKind.WorkingDay, "Làm bù cho ngày nghỉ 2/1", "Thông báo của Bộ Nội vụ"));

        entry.Value!.ShouldSatisfyAllConditions(e => e.IsWorkingDay.ShouldBeTrue(), e => e.CreatedBy.ShouldBe("admin"), e => e.IsOverride.ShouldBeTrue());
        EngineCalendar.Add(At(Friday, 10), WorkingTime.Days(1)).ShouldBe(At(Saturday, 10));
        Services.GetRequiredService<CalendarProvider>().Current.IsWorkingDay(Saturday).ShouldBeTrue();
    }

    [Test]
    public async Task Should_give_an_extra_day_off_and_cancel_a_computed_holiday()
    {
        var monday = new DateOnly(2026, 3, 9);
        await Handler<AddCalendarOverrideHandler>().HandleAsync(SystemAdmin, new AddCalendarOverride(monday, CalendarOverrideKind.DayOff, "Nghỉ hoán đổi"));
        await Handler<AddCalendarOverrideHandler>().HandleAsync(SystemAdmin, new AddCalendarOverride(NationalDay, CalendarOverrideKind.RemoveHoliday, "Lễ chuyển ngày"));

        var calendar = Services.GetRequiredService<CalendarProvider>().Current;
        calendar.IsWorkingDay(monday).ShouldBeFalse();
        calendar.IsWorkingDay(NationalDay).ShouldBeTrue();
        EngineCalendar.Add(At(Friday, 10), WorkingTime.Days(1)).ShouldBe(At(monday.AddDays(1), 10));
    }

    [Test]
    public async Task Should_list_the_year_with_computed_holidays_and_overrides_each_marked()
    {
        await Handler<AddCalendarOverrideHandler>().HandleAsync(SystemAdmin, new AddCalendarOverride(NationalDay, CalendarOverrideKind.RemoveHoliday, "Lễ chuyển ngày"));
        await Handler<AddCalendarOverrideHandler>().HandleAsync(SystemAdmin, new AddCalendarOverride(Saturday, CalendarOverrideKind.WorkingDay, "Làm bù"));

        var year = (await Handler<CalendarYearQuery>().HandleAsync(new ListCalendarYear(2026))).Value!;

        year.Entries.Where(e => e.IsComputed).Select(e => e.Date).ShouldBe(HolidayRules.For(2026).Select(h => h.Date));
        var nationalDay = year.Entries.Where(e => e.Date == NationalDay).ToList();
        nationalDay.Select(e => (e.IsComputed, e.IsOverride, e.IsCancelled, e.IsWorkingDay)).ShouldBe([(true, false, true, true), (false, true, false, true)]);
        year.Entries.Single(e => e.Date == Saturday).OverrideKind.ShouldBe(CalendarOverrideKind.WorkingDay);
        year.Entries.Single(e => e.Date == new DateOnly(2026, 1, 1)).ShouldSatisfyAllConditions(e => e.IsCancelled.ShouldBeFalse(), e => e.IsWorkingDay.ShouldBeFalse());
    }

    [TestCase(1900)]
    [TestCase(2200)]
    public async Task Should_refuse_a_year_outside_the_lunar_tables(int year) =>
        ShouldFail(await Handler<CalendarYearQuery>().HandleAsync(new ListCalendarYear(year)), ErrorKind.Invalid, "year");

    [Test]
    public async Task Should_count_one_more_working_day_in_the_year_for_a_make_up_saturday()
    {
        var before = (await Handler<CalendarYearQuery>().HandleAsync(new ListCalendarYear(2026))).Value!.WorkingDays;
        await Handler<AddCalendarOverrideHandler>().HandleAsync(SystemAdmin, new AddCalendarOverride(Saturday, CalendarOverrideKind.WorkingDay, "Làm bù"));

        (await Handler<CalendarYearQuery>().HandleAsync(new ListCalendarYear(2026))).Value!.WorkingDays.ShouldBe(before + 1);
    }

    private static IEnumerable<TestCaseData> Refusals()
    {
        yield return new TestCaseData(new AddCalendarOverride(Friday, CalendarOverrideKind.WorkingDay, "Làm bù"), "date", "not-a-weekend")
            .SetName("Should_refuse_a_make_up_working_day_that_is_not_a_weekend");
        yield return new TestCaseData(new AddCalendarOverride(Friday, CalendarOverrideKind.RemoveHoliday, "Hủy"), "date", "not-a-holiday")
            .SetName("Should_refuse_to_cancel_a_holiday_that_is_not_computed");
        yield return new TestCaseData(new AddCalendarOverride(Saturday, CalendarOverrideKind.DayOff, "Nghỉ"), "date", "not-a-working-day")
            .SetName("Should_refuse_a_day_off_on_a_weekend");
        yield return new TestCaseData(new AddCalendarOverride(NationalDay, CalendarOverrideKind.DayOff, "Nghỉ"), "date", "not-a-working-day")
            .SetName("Should_refuse_a_day_off_on_a_computed_holiday");
        yield return new TestCaseData(new AddCalendarOverride(Friday, CalendarOverrideKind.DayOff, ""), "name", "required")
            .SetName("Should_refuse_an_override_without_a_reason");
        yield return new TestCaseData(new AddCalendarOverride(Friday, (CalendarOverrideKind)9, "Lạ"), "kind", "bad-kind")
            .SetName("Should_refuse_an_unknown_kind");
    }

    [TestCaseSource(nameof(Refusals))]
    public async Task Should_refuse(AddCalendarOverride request, string field, string code)
    {
        ShouldFail(await Handler<AddCalendarOverrideHandler>().HandleAsync(SystemAdmin, request), ErrorKind.Invalid, field, code);
        (await ReadAsync(db => db.CalendarOverrides.CountAsync())).ShouldBe(0);
    }

    [Test]
    public async Task Should_refuse_a_second_override_on_the_same_date()
    {
        await Handler<AddCalendarOverrideHandler>().HandleAsync(SystemAdmin, new AddCalendarOverride(Saturday, CalendarOverrideKind.WorkingDay, "Làm bù"));

        ShouldFail(await Handler<AddCalendarOverrideHandler>().HandleAsync(SystemAdmin, new AddCalendarOverride(Saturday, CalendarOverrideKind.WorkingDay, "Lần hai")),
            ErrorKind.Invalid, "date", "date-taken");
    }

    [Test]
    public async Task Should_leave_the_calendar_to_system_admins()
    {
        var communeAdmin = (await AddOfficialAsync("a.admin", CommuneA, Role.UnitAdmin)).Actor;

        ShouldFail(await Handler<AddCalendarOverrideHandler>().HandleAsync(communeAdmin, new AddCalendarOverride(Saturday, CalendarOverrideKind.WorkingDay, "Làm bù")),
            ErrorKind.Forbidden);
        ShouldFail(await Handler<RemoveCalendarOverrideHandler>().HandleAsync(communeAdmin, new RemoveCalendarOverride(Guid.NewGuid())), ErrorKind.Forbidden);
    }

    [Test]
    public async Task Should_restore_the_computed_calendar_when_an_override_is_removed()
    {
        var entry = (await Handler<AddCalendarOverrideHandler>().HandleAsync(SystemAdmin, new AddCalendarOverride(Saturday, CalendarOverrideKind.WorkingDay, "Làm bù"))).Value!;

        (await Handler<RemoveCalendarOverrideHandler>().HandleAsync(SystemAdmin, new RemoveCalendarOverride(entry.OverrideId!.Value))).Value.ShouldBe(Saturday);

        EngineCalendar.Add(At(Friday, 10), WorkingTime.Days(1)).ShouldBe(At(Friday.AddDays(3), 10));
        ShouldFail(await Handler<RemoveCalendarOverrideHandler>().HandleAsync(SystemAdmin, new RemoveCalendarOverride(entry.OverrideId.Value)),
            ErrorKind.NotFound, "overrideId");
    }
}
