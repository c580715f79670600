using Engine.Calendar;
using Engine.Definitions;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Tests.Organisation;
using static Procedures.Tests.Calendar.CalendarTime;

namespace Procedures.Tests.CalendarAdmin;

/// <summary>Finding 3 of the legal review: the 15:00 cut-off and the Culture Day year were code constants.</summary>
public sealed class When_the_province_changes_its_calendar_rules : OrganisationTest
{
    private static readonly DateOnly CultureDay2026 = new(2026, 11, 24);

    private VietnameseCalendar Calendar => Services.GetRequiredService<CalendarProvider>().Current;

    private Task<DomainResult<CalendarRulesView>> UpdateAsync(Actor actor, TimeOnly cutOff, int? cultureDayFromYear) =>
        Handler<UpdateCalendarRulesHandler>().HandleAsync(actor, new UpdateCalendarRules(cutOff, cultureDayFromYear));

    [Test]
    public async Task Should_start_with_todays_national_values()
    {
        var rules = (await Handler<CalendarRulesQuery>().HandleAsync(SystemAdmin)).Value!;

        rules.ShouldSatisfyAllConditions(r => r.IsDefault.ShouldBeTrue(), r => r.CutOff.ShouldBe(new TimeOnly(15, 0)),
            r => r.CultureDayFromYear.ShouldBe(2026), r => r.ChangedBy.ShouldBeNull());
        Calendar.ReceptionDay(At(2026, 3, 3, 15, 30)).ShouldBe(new DateOnly(2026, 3, 4));
        Calendar.IsWorkingDay(CultureDay2026).ShouldBeFalse();
    }

    [Test]
    public async Task Should_count_a_dossier_received_at_15_30_the_same_day_once_the_cut_off_is_16_00()
    {
        (await UpdateAsync(SystemAdmin, new TimeOnly(16, 0), 2026)).Error.ShouldBeNull();

        Calendar.ReceptionDay(At(2026, 3, 3, 15, 30)).ShouldBe(new DateOnly(2026, 3, 3));
        Calendar.ReceptionDay(At(2026, 3, 3, 16, 1)).ShouldBe(new DateOnly(2026, 3, 4));
        Calendar.ComputeAppointment(At(2026, 3, 3, 15, 30), LegalTimeLimit.SameDay).ShouldBe(At(2026, 3, 3, 17));
    }

    [Test]
    public async Task Should_record_who_changed_the_rules_and_when()
    {
        Clock.Set(At(2026, 3, 3, 10, 15));

        var saved = (await UpdateAsync(SystemAdmin, new TimeOnly(14, 30), null)).Value!;

        saved.ShouldSatisfyAllConditions(r => r.IsDefault.ShouldBeFalse(), r => r.ChangedBy.ShouldBe("admin"),
            r => r.ChangedAt.ShouldBe(At(2026, 3, 3, 10, 15)), r => r.CutOff.ShouldBe(new TimeOnly(14, 30)), r => r.CultureDayFromYear.ShouldBeNull());
        (await Handler<CalendarRulesQuery>().HandleAsync(SystemAdmin)).Value.ShouldBe(saved);
    }

    [Test]
    public async Task Should_make_24_november_a_working_day_when_the_province_does_not_observe_culture_day()
    {
        var before = Services.GetRequiredService<IWorkingCalendar>().Add(At(2026, 11, 23, 10), WorkingTime.Days(1));
        before.ShouldBe(At(2026, 11, 25, 10));

        await UpdateAsync(SystemAdmin, new TimeOnly(15, 0), null);

        Calendar.IsWorkingDay(CultureDay2026).ShouldBeTrue();
        Services.GetRequiredService<IWorkingCalendar>().Add(At(2026, 11, 23, 10), WorkingTime.Days(1)).ShouldBe(At(2026, 11, 24, 10));
        (await Handler<CalendarYearQuery>().HandleAsync(new ListCalendarYear(2026))).Value!.Entries.ShouldNotContain(e => e.Date == CultureDay2026);
    }

    [Test]
    public async Task Should_observe_culture_day_from_an_earlier_year_when_the_province_says_so()
    {
        Calendar.IsWorkingDay(new DateOnly(2025, 11, 24)).ShouldBeTrue();

        await UpdateAsync(SystemAdmin, new TimeOnly(15, 0), 2025);

        Calendar.IsWorkingDay(new DateOnly(2025, 11, 24)).ShouldBeFalse();
        (await Handler<CalendarYearQuery>().HandleAsync(new ListCalendarYear(2025))).Value!.Entries
            .ShouldContain(e => e.Date == new DateOnly(2025, 11, 24) && e.Name == "Ngày Văn hóa Việt Nam");
    }

    [Test]
    public void Should_recompute_the_due_dates_of_every_year_whose_24_november_changes()
    {
        UpdateCalendarRulesHandler.ChangedDays(2026, 2026).ShouldBeNull();
        UpdateCalendarRulesHandler.ChangedDays(2026, 2028).ShouldBe((new DateOnly(2026, 11, 24), new DateOnly(2027, 12, 31)));
        UpdateCalendarRulesHandler.ChangedDays(2028, 2026).ShouldBe((new DateOnly(2026, 11, 24), new DateOnly(2027, 12, 31)));
        UpdateCalendarRulesHandler.ChangedDays(2026, null).ShouldBe((new DateOnly(2026, 11, 24), new DateOnly(CalendarYearQuery.MaxYear, 12, 31)));
    }

    [TestCase(6, 0, 0, TestName = "Should_refuse_a_cut_off_before_opening")]
    [TestCase(17, 30, 0, TestName = "Should_refuse_a_cut_off_after_closing")]
    [TestCase(15, 0, 30, TestName = "Should_refuse_a_cut_off_with_seconds")]
    public async Task Should_refuse_a_cut_off_outside_office_hours(int hour, int minute, int second)
    {
        ShouldFail(await UpdateAsync(SystemAdmin, new TimeOnly(hour, minute, second), 2026), ErrorKind.Invalid, "cutOff", "bad-cut-off");
        Calendar.Settings.CutOff.ShouldBe(new TimeOnly(15, 0));
        (await Handler<CalendarRulesQuery>().HandleAsync(SystemAdmin)).Value!.IsDefault.ShouldBeTrue();
    }

    [TestCase(1800)]
    [TestCase(2300)]
    public async Task Should_refuse_a_culture_day_year_outside_the_calendar(int year) =>
        ShouldFail(await UpdateAsync(SystemAdmin, new TimeOnly(15, 0), year), ErrorKind.Invalid, "cultureDayFromYear", "bad-year");

    [Test]
    public async Task Should_leave_the_rules_to_system_admins()
    {
        var communeAdmin = (await AddOfficialAsync("a.admin", CommuneA, Role.UnitAdmin)).Actor;

        ShouldFail(await UpdateAsync(communeAdmin, new TimeOnly(16, 0), 2026), ErrorKind.Forbidden);
        ShouldFail(await Handler<CalendarRulesQuery>().HandleAsync(communeAdmin), ErrorKind.Forbidden);
        Calendar.Settings.CutOff.ShouldBe(new TimeOnly(15, 0));
    }

    [Test]
    public async Task Should_keep_the_rules_after_a_restart()
    {
        await UpdateAsync(SystemAdmin, new TimeOnly(16, 30), 2027);

        var restarted = new CalendarProvider();
        await restarted.ReloadAsync(Db);

        restarted.Current.Settings.ShouldSatisfyAllConditions(s => s.CutOff.ShouldBe(new TimeOnly(16, 30)), s => s.CultureDayFromYear.ShouldBe(2027));
        restarted.Current.IsWorkingDay(CultureDay2026).ShouldBeTrue();
    }
}
