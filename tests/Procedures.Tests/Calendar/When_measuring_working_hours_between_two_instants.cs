using Engine.Definitions;
using Procedures.Calendar;
using static Procedures.Tests.Calendar.CalendarTime;

namespace Procedures.Tests.Calendar;

public sealed class When_measuring_working_hours_between_two_instants
{
    private readonly VietnameseCalendar _calendar = new();

    [Test]
    public void Should_count_a_full_working_day_as_its_real_office_hours()
    {
        _calendar.WorkingHoursBetween(At(2025, 3, 10, 7, 30), At(2025, 3, 10, 17)).ShouldBe(7.5m);
        _calendar.WorkingHoursBetween(At(2025, 3, 10, 10), _calendar.Add(At(2025, 3, 10, 10), WorkingTime.Days(1))).ShouldBe(7.5m);
    }

    [Test]
    public void Should_count_only_office_hours_across_a_weekend()
    {
        _calendar.WorkingHoursBetween(At(2025, 3, 14, 16), At(2025, 3, 17, 8, 30)).ShouldBe(2m);
        _calendar.WorkingHoursBetween(At(2025, 3, 15, 8), At(2025, 3, 16, 18)).ShouldBe(0m);
    }

    [Test]
    public void Should_be_negative_when_the_end_is_earlier() =>
        _calendar.WorkingHoursBetween(At(2025, 3, 17, 8, 30), At(2025, 3, 14, 16)).ShouldBe(-2m);

    [Test]
    public void Should_not_count_the_lunch_break() =>
        _calendar.WorkingHoursBetween(At(2025, 3, 10, 11), At(2025, 3, 10, 14)).ShouldBe(1m);

    [Test]
    public void Should_count_nothing_over_tet() =>
        _calendar.WorkingHoursBetween(At(2026, 2, 13, 17), At(2026, 2, 23, 7, 30)).ShouldBe(0m);

    [Test]
    public void Should_undo_adding_hours() =>
        _calendar.WorkingHoursBetween(At(2025, 3, 14, 9, 10), _calendar.Add(At(2025, 3, 14, 9, 10), WorkingTime.Hours(12.25m)))
            .ShouldBe(12.25m);
}
