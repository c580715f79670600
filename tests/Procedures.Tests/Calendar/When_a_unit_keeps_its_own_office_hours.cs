using Engine.Definitions;
using Procedures.Calendar;
using static Procedures.Tests.Calendar.CalendarTime;

namespace Procedures.Tests.Calendar;

public sealed class When_a_unit_keeps_its_own_office_hours
{
    private const string Commune = "xa-an-binh";

    private readonly VietnameseCalendar _calendar = new(new CalendarSettings
    {
        UnitOfficeHours = new Dictionary<string, OfficeHours>
        {
            [Commune] = new(new OfficePeriod(new TimeOnly(8, 0), new TimeOnly(12, 0)), new OfficePeriod(new TimeOnly(13, 0), new TimeOnly(17, 0))),
        },
    });

    [Test]
    public void Should_walk_the_units_periods()
    {
        _calendar.Add(At(2025, 3, 10, 7), WorkingTime.Hours(5), Commune).ShouldBe(At(2025, 3, 10, 14));
        _calendar.Add(At(2025, 3, 10, 7), WorkingTime.Hours(5)).ShouldBe(At(2025, 3, 10, 14, 30));
    }

    [Test]
    public void Should_fall_back_to_the_default_hours_for_an_unknown_unit() =>
        _calendar.Add(At(2025, 3, 10, 7), WorkingTime.Hours(5), "unknown").ShouldBe(At(2025, 3, 10, 14, 30));

    [Test]
    public void Should_know_when_the_unit_is_open()
    {
        _calendar.IsWorkingTime(At(2025, 3, 10, 7, 45), Commune).ShouldBeFalse();
        _calendar.IsWorkingTime(At(2025, 3, 10, 7, 45)).ShouldBeTrue();
        _calendar.IsWorkingTime(At(2025, 3, 10, 12, 30), Commune).ShouldBeFalse();
        _calendar.IsWorkingTime(At(2025, 3, 10, 13, 0), Commune).ShouldBeTrue();
    }

    [Test]
    public void Should_count_the_units_full_day_in_its_own_hours() =>
        _calendar.WorkingHoursBetween(At(2025, 3, 10, 6), At(2025, 3, 11, 6), Commune).ShouldBe(8m);

    [Test]
    public void Should_close_the_day_at_the_units_closing_time()
    {
        _calendar.EndOfWorkingDay(new DateOnly(2025, 3, 10), Commune).ShouldBe(At(2025, 3, 10, 17));
        _calendar.EndOfWorkingDay(new DateOnly(2025, 3, 15)).ShouldBe(At(2025, 3, 17, 17));
    }

    [Test]
    public void Should_refuse_overlapping_periods() =>
        Should.Throw<ArgumentException>(() =>
            new OfficeHours(new OfficePeriod(new TimeOnly(8, 0), new TimeOnly(12, 0)), new OfficePeriod(new TimeOnly(11, 0), new TimeOnly(17, 0))));
}
