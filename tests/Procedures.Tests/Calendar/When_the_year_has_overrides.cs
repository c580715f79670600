using Engine.Definitions;
using Procedures.Calendar;
using static Procedures.Tests.Calendar.CalendarTime;

namespace Procedures.Tests.Calendar;

public sealed class When_the_year_has_overrides
{
    private static readonly DateOnly WorkingSaturday = new(2025, 3, 15);
    private static readonly DateOnly ExtraDayOff = new(2025, 3, 17);
    private static readonly DateOnly MovedTetDay = new(2026, 2, 20);

    private readonly VietnameseCalendar _calendar = new(new CalendarSettings
    {
        Overrides =
        [
            new CalendarOverride(WorkingSaturday, CalendarOverrideKind.WorkingDay, "Làm bù"),
            new CalendarOverride(ExtraDayOff, CalendarOverrideKind.DayOff, "Nghỉ hoán đổi"),
            new CalendarOverride(MovedTetDay, CalendarOverrideKind.RemoveHoliday, "Tết chuyển sang 13/2"),
            new CalendarOverride(new DateOnly(2026, 2, 13), CalendarOverrideKind.DayOff, "Tết Nguyên đán (28 Tết)"),
        ],
    });

    [Test]
    public void Should_count_a_working_saturday()
    {
        _calendar.IsWorkingDay(WorkingSaturday).ShouldBeTrue();
        _calendar.IsWorkingTime(At(2025, 3, 15, 9)).ShouldBeTrue();
        _calendar.Add(At(2025, 3, 14, 10), WorkingTime.Days(1)).ShouldBe(At(2025, 3, 15, 10));
    }

    [Test]
    public void Should_not_count_an_extra_day_off()
    {
        _calendar.IsWorkingDay(ExtraDayOff).ShouldBeFalse();
        _calendar.Add(At(2025, 3, 15, 10), WorkingTime.Days(1)).ShouldBe(At(2025, 3, 18, 10));
        _calendar.Holidays(2025).ShouldContain(new Holiday(ExtraDayOff, "Nghỉ hoán đổi", HolidayKind.DayOff));
    }

    [Test]
    public void Should_work_on_a_removed_holiday()
    {
        _calendar.IsWorkingDay(MovedTetDay).ShouldBeTrue();
        _calendar.Holidays(2026).ShouldNotContain(h => h.Date == MovedTetDay);
        new VietnameseCalendar().IsWorkingDay(MovedTetDay).ShouldBeFalse();
    }

    [Test]
    public void Should_list_the_effective_holidays_in_date_order()
    {
        var tet = _calendar.Holidays(2026).Where(h => h.Date.Month == 2).Select(h => h.Date.Day);
        tet.ShouldBe([13, 16, 17, 18, 19]);
    }

    [Test]
    public void Should_make_a_holiday_a_working_day_when_overridden_as_one()
    {
        var calendar = new VietnameseCalendar(new CalendarSettings
        {
            Overrides = [new CalendarOverride(new DateOnly(2025, 5, 1), CalendarOverrideKind.WorkingDay, "Trực")],
        });
        calendar.IsWorkingDay(new DateOnly(2025, 5, 1)).ShouldBeTrue();
        calendar.Holidays(2025).ShouldNotContain(h => h.Date == new DateOnly(2025, 5, 1));
    }

    [Test]
    public void Should_not_be_changed_by_later_edits_of_the_settings_list()
    {
        var overrides = new List<CalendarOverride>();
        var calendar = new VietnameseCalendar(new CalendarSettings { Overrides = overrides });
        overrides.Add(new CalendarOverride(ExtraDayOff, CalendarOverrideKind.DayOff, "late"));
        calendar.IsWorkingDay(ExtraDayOff).ShouldBeTrue();
    }
}
