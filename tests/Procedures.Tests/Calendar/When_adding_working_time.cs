using Engine.Definitions;
using Procedures.Calendar;
using static Procedures.Tests.Calendar.CalendarTime;

namespace Procedures.Tests.Calendar;

/// <summary>Week of Mon 2025-03-10, no holidays; default office hours 07:30–11:30, 13:30–17:00.</summary>
public sealed class When_adding_working_time
{
    private readonly VietnameseCalendar _calendar = new();

    [TestCase(10, 0, 11, 10, 0, TestName = "Should_land_at_the_same_time_the_next_working_day")]
    [TestCase(17, 0, 11, 17, 0, TestName = "Should_read_one_day_from_closing_time_as_the_next_closing_time")]
    [TestCase(18, 30, 11, 17, 0, TestName = "Should_treat_the_evening_as_closing_time")]
    [TestCase(7, 30, 10, 17, 0, TestName = "Should_end_a_day_started_at_opening_the_same_evening")]
    [TestCase(6, 0, 10, 17, 0, TestName = "Should_treat_the_early_morning_as_opening_time")]
    [TestCase(12, 15, 11, 11, 30, TestName = "Should_count_from_the_lunch_break_as_from_the_end_of_the_morning")]
    public void One_working_day(int hour, int minute, int expectedDay, int expectedHour, int expectedMinute) =>
        _calendar.Add(At(2025, 3, 10, hour, minute), WorkingTime.Days(1))
            .ShouldBe(At(2025, 3, expectedDay, expectedHour, expectedMinute));

    [Test]
    public void Should_skip_the_weekend_when_adding_days()
    {
        _calendar.Add(At(2025, 3, 14, 10), WorkingTime.Days(1)).ShouldBe(At(2025, 3, 17, 10));
        _calendar.Add(At(2025, 3, 15, 10), WorkingTime.Days(1)).ShouldBe(At(2025, 3, 17, 17));
        _calendar.Add(At(2025, 3, 10, 10), WorkingTime.Days(5)).ShouldBe(At(2025, 3, 17, 10));
    }

    [Test]
    public void Should_count_half_a_day_as_one_session()
    {
        _calendar.Add(At(2025, 3, 10, 7, 30), WorkingTime.Days(0.5m)).ShouldBe(At(2025, 3, 10, 11, 30));
        _calendar.Add(At(2025, 3, 10, 9, 30), WorkingTime.Days(1.5m)).ShouldBe(At(2025, 3, 11, 15, 15));
    }

    [Test]
    public void Should_walk_real_office_hours_when_adding_hours()
    {
        _calendar.Add(At(2025, 3, 10, 10), WorkingTime.Hours(4)).ShouldBe(At(2025, 3, 10, 16));
        _calendar.Add(At(2025, 3, 10, 16), WorkingTime.Hours(4)).ShouldBe(At(2025, 3, 11, 10, 30));
        _calendar.Add(At(2025, 3, 14, 16), WorkingTime.Hours(2)).ShouldBe(At(2025, 3, 17, 8, 30));
    }

    [Test]
    public void Should_stop_at_the_end_of_the_morning_rather_than_the_start_of_the_afternoon() =>
        _calendar.Add(At(2025, 3, 10, 7, 30), WorkingTime.Hours(4)).ShouldBe(At(2025, 3, 10, 11, 30));

    [Test]
    public void Should_return_the_start_for_a_zero_amount() =>
        _calendar.Add(At(2025, 3, 15, 10), WorkingTime.Zero).ShouldBe(At(2025, 3, 15, 10));

    [Test]
    public void Should_count_backwards_for_a_negative_amount()
    {
        _calendar.Add(At(2025, 3, 11, 10), WorkingTime.Days(-1)).ShouldBe(At(2025, 3, 10, 10));
        _calendar.Add(At(2025, 3, 17, 8, 30), WorkingTime.Hours(-2)).ShouldBe(At(2025, 3, 14, 16));
    }

    [Test]
    public void Should_answer_in_vietnam_time_whatever_the_input_offset()
    {
        var result = _calendar.Add(new DateTimeOffset(2025, 3, 10, 3, 0, 0, TimeSpan.Zero), WorkingTime.Days(1));
        result.Offset.ShouldBe(TimeSpan.FromHours(7));
        result.DateTime.ShouldBe(new DateTime(2025, 3, 11, 10, 0, 0));
    }

    [Test]
    public void Should_skip_tet_when_adding_days() =>
        _calendar.Add(At(2026, 2, 13, 10), WorkingTime.Days(1)).ShouldBe(At(2026, 2, 23, 10));
}
