using Engine.Definitions;
using Procedures.Calendar;
using static Procedures.Tests.Calendar.CalendarTime;

namespace Procedures.Tests.Calendar;

/// <summary>
/// Finding 4 of the legal review: "0.5 working days" was 3h45 of office time, so a Friday 14:55 / 15:05 reception got
/// Mon 11:15 / Tue 11:15. A working day is a morning and an afternoon session; half a day is one session.
/// Fri 2025-03-14 is a plain Friday; Mon 2026-04-27 is the compensatory day for Hùng Kings' day (Sun 26/4).
/// </summary>
public sealed class When_a_time_limit_is_half_a_working_day
{
    private readonly VietnameseCalendar _calendar = new();
    private readonly VietnameseCalendar _withMakeUpSaturday = new(CalendarSettings.Default with
    {
        Overrides = [new CalendarOverride(new DateOnly(2025, 3, 15), CalendarOverrideKind.WorkingDay, "Làm bù")],
    });

    private static DateTimeOffset Appointment(VietnameseCalendar calendar, DateTimeOffset receivedAt, decimal days) =>
        calendar.ComputeAppointment(receivedAt, LegalTimeLimit.WorkingDays(days));

    [TestCase(14, 55, 0.5, 17, 11, 30, TestName = "Should_return_a_half_day_received_friday_afternoon_by_monday_noon")]
    [TestCase(15, 5, 0.5, 17, 17, 0, TestName = "Should_return_a_half_day_received_after_the_cut_off_by_the_end_of_monday")]
    [TestCase(14, 55, 1, 17, 17, 0, TestName = "Should_return_one_day_received_friday_before_the_cut_off_by_the_end_of_monday")]
    [TestCase(15, 5, 1, 18, 17, 0, TestName = "Should_return_one_day_received_friday_after_the_cut_off_by_the_end_of_tuesday")]
    public void On_a_plain_week(int hour, int minute, decimal days, int day, int expectedHour, int expectedMinute) =>
        Appointment(_calendar, At(2025, 3, 14, hour, minute), days).ShouldBe(At(2025, 3, day, expectedHour, expectedMinute));

    [TestCase(14, 55, 0.5, 28, 11, 30, TestName = "Should_skip_a_holiday_monday_for_a_half_day_received_friday_afternoon")]
    [TestCase(15, 5, 0.5, 28, 17, 0, TestName = "Should_count_a_half_day_received_after_the_cut_off_from_tuesday_after_a_holiday_monday")]
    [TestCase(14, 55, 1, 28, 17, 0, TestName = "Should_skip_a_holiday_monday_for_one_day")]
    [TestCase(15, 5, 1, 29, 17, 0, TestName = "Should_skip_a_holiday_monday_for_one_day_received_after_the_cut_off")]
    public void Before_a_holiday_monday(int hour, int minute, decimal days, int day, int expectedHour, int expectedMinute) =>
        Appointment(_calendar, At(2026, 4, 24, hour, minute), days).ShouldBe(At(2026, 4, day, expectedHour, expectedMinute));

    [TestCase(14, 55, 0.5, 15, 11, 30, TestName = "Should_return_a_half_day_on_the_make_up_saturday_morning")]
    [TestCase(15, 5, 0.5, 15, 17, 0, TestName = "Should_count_a_half_day_received_after_the_cut_off_from_the_make_up_saturday")]
    [TestCase(14, 55, 1, 15, 17, 0, TestName = "Should_return_one_day_at_the_end_of_the_make_up_saturday")]
    [TestCase(15, 5, 1, 17, 17, 0, TestName = "Should_return_one_day_received_after_the_cut_off_on_monday_after_a_make_up_saturday")]
    public void Before_a_make_up_saturday(int hour, int minute, decimal days, int day, int expectedHour, int expectedMinute) =>
        Appointment(_withMakeUpSaturday, At(2025, 3, 14, hour, minute), days).ShouldBe(At(2025, 3, day, expectedHour, expectedMinute));

    [TestCase(7, 0, 10, 17, 0, TestName = "Should_return_a_half_day_received_before_opening_the_same_afternoon")]
    [TestCase(9, 0, 10, 17, 0, TestName = "Should_return_a_half_day_received_in_the_morning_the_same_afternoon")]
    [TestCase(12, 15, 11, 11, 30, TestName = "Should_count_a_half_day_received_in_the_lunch_break_as_an_afternoon_reception")]
    [TestCase(13, 45, 11, 11, 30, TestName = "Should_return_a_half_day_received_in_the_afternoon_the_next_morning")]
    public void Received_during_a_monday(int hour, int minute, int day, int expectedHour, int expectedMinute) =>
        Appointment(_calendar, At(2025, 3, 10, hour, minute), 0.5m).ShouldBe(At(2025, 3, day, expectedHour, expectedMinute));

    [Test]
    public void Should_count_one_and_a_half_days_as_the_whole_day_then_one_morning()
    {
        Appointment(_calendar, At(2025, 3, 10, 9), 1.5m).ShouldBe(At(2025, 3, 12, 11, 30));
        Appointment(_calendar, At(2025, 3, 10, 14), 2.5m).ShouldBe(At(2025, 3, 13, 11, 30));
    }

    [Test]
    public void Should_never_return_half_a_day_before_the_same_day_limit_nor_after_one_day()
    {
        for (var minute = 0; minute < 24 * 60; minute += 5)
        {
            var receivedAt = At(2025, 3, 14, 0).AddMinutes(minute);
            var half = Appointment(_calendar, receivedAt, 0.5m);
            half.ShouldBeGreaterThanOrEqualTo(_calendar.ComputeAppointment(receivedAt, LegalTimeLimit.SameDay), $"received {receivedAt:HH:mm}");
            half.ShouldBeLessThanOrEqualTo(Appointment(_calendar, receivedAt, 1), $"received {receivedAt:HH:mm}");
        }
    }
}

/// <summary>A step budget in days on the engine's calendar: whole days keep the time of day, half a day is one session.</summary>
public sealed class When_a_step_budget_is_half_a_working_day
{
    private readonly VietnameseCalendar _calendar = new();

    [TestCase(2025, 3, 10, 7, 30, 2025, 3, 10, 11, 30, TestName = "Should_end_a_half_day_started_at_opening_at_the_end_of_the_morning")]
    [TestCase(2025, 3, 10, 13, 30, 2025, 3, 10, 17, 0, TestName = "Should_end_a_half_day_started_after_lunch_at_closing")]
    [TestCase(2025, 3, 10, 12, 15, 2025, 3, 10, 17, 0, TestName = "Should_count_a_half_day_started_in_the_lunch_break_from_the_afternoon")]
    [TestCase(2025, 3, 10, 9, 30, 2025, 3, 10, 15, 15, TestName = "Should_land_as_far_into_the_afternoon_as_the_start_was_into_the_morning")]
    [TestCase(2025, 3, 14, 15, 15, 2025, 3, 17, 9, 30, TestName = "Should_carry_a_friday_afternoon_half_day_into_monday_morning")]
    [TestCase(2025, 3, 14, 17, 0, 2025, 3, 17, 11, 30, TestName = "Should_count_a_half_day_from_friday_closing_as_monday_morning")]
    [TestCase(2026, 4, 24, 15, 15, 2026, 4, 28, 9, 30, TestName = "Should_skip_a_holiday_monday_for_a_half_day")]
    public void Half_a_day(int y, int m, int d, int h, int min, int ey, int em, int ed, int eh, int emin) =>
        _calendar.Add(At(y, m, d, h, min), WorkingTime.Days(0.5m)).ShouldBe(At(ey, em, ed, eh, emin));

    [Test]
    public void Should_use_a_make_up_saturday_morning_for_a_friday_afternoon_half_day()
    {
        var calendar = new VietnameseCalendar(CalendarSettings.Default with
        {
            Overrides = [new CalendarOverride(new DateOnly(2025, 3, 15), CalendarOverrideKind.WorkingDay, "Làm bù")],
        });
        calendar.Add(At(2025, 3, 14, 15, 15), WorkingTime.Days(0.5m)).ShouldBe(At(2025, 3, 15, 9, 30));
    }

    [Test]
    public void Should_make_two_half_days_one_day()
    {
        for (var minute = 0; minute < 24 * 60; minute += 7)
        {
            var start = At(2025, 3, 10, 0).AddMinutes(minute);
            var twice = _calendar.Add(_calendar.Add(start, WorkingTime.Days(0.5m)), WorkingTime.Days(0.5m));
            (twice - _calendar.Add(start, WorkingTime.Days(1))).Duration().ShouldBeLessThan(TimeSpan.FromMilliseconds(1), $"from {start:HH:mm}");
        }
    }

    [Test]
    public void Should_keep_hours_in_real_office_time() =>
        _calendar.Add(At(2025, 3, 10, 7, 30), WorkingTime.Hours(4)).ShouldBe(At(2025, 3, 10, 11, 30));
}
