using Procedures.Calendar;
using static Procedures.Tests.Calendar.CalendarTime;

namespace Procedures.Tests.Calendar;

public sealed class When_a_dossier_is_received
{
    private readonly VietnameseCalendar _calendar = new();

    [TestCase(14, 59, 10, TestName = "Should_count_it_received_the_same_day_before_the_cut_off")]
    [TestCase(15, 0, 10, TestName = "Should_count_it_received_the_same_day_at_the_cut_off")]
    [TestCase(15, 5, 11, TestName = "Should_count_it_received_the_next_working_day_after_the_cut_off")]
    [TestCase(6, 45, 10, TestName = "Should_count_it_received_the_same_day_before_opening")]
    public void On_monday(int hour, int minute, int expectedDay) =>
        _calendar.ReceptionDay(At(2025, 3, 10, hour, minute)).ShouldBe(new DateOnly(2025, 3, expectedDay));

    [Test]
    public void Should_count_it_received_on_monday_when_it_arrives_on_saturday_or_late_on_friday()
    {
        _calendar.ReceptionDay(At(2025, 3, 15, 9)).ShouldBe(new DateOnly(2025, 3, 17));
        _calendar.ReceptionDay(At(2025, 3, 14, 15, 5)).ShouldBe(new DateOnly(2025, 3, 17));
    }

    [Test]
    public void Should_honour_a_configured_cut_off() =>
        new VietnameseCalendar(new CalendarSettings { CutOff = new TimeOnly(16, 0) })
            .ReceptionDay(At(2025, 3, 10, 15, 30)).ShouldBe(new DateOnly(2025, 3, 10));

    [Test]
    public void Should_end_the_nth_working_day_after_the_reception_day()
    {
        _calendar.ComputeAppointment(At(2025, 3, 10, 10), LegalTimeLimit.WorkingDays(3)).ShouldBe(At(2025, 3, 13, 17));
        _calendar.ComputeAppointment(At(2025, 3, 10, 15, 5), LegalTimeLimit.WorkingDays(3)).ShouldBe(At(2025, 3, 14, 17));
        _calendar.ComputeAppointment(At(2025, 3, 15, 9), LegalTimeLimit.WorkingDays(3)).ShouldBe(At(2025, 3, 20, 17));
    }

    [Test]
    public void Should_return_a_same_day_result_by_closing_time_of_the_reception_day()
    {
        _calendar.ComputeAppointment(At(2025, 3, 10, 14, 59), LegalTimeLimit.SameDay).ShouldBe(At(2025, 3, 10, 17));
        _calendar.ComputeAppointment(At(2025, 3, 10, 15, 5), LegalTimeLimit.SameDay).ShouldBe(At(2025, 3, 11, 17));
    }

    [Test]
    public void Should_skip_tet_2026_in_a_five_day_limit() =>
        _calendar.ComputeAppointment(At(2026, 2, 13, 10), LegalTimeLimit.WorkingDays(5)).ShouldBe(At(2026, 2, 27, 17));

    [Test]
    public void Should_skip_tet_2025_and_its_compensatory_day_after_a_late_friday() =>
        // Fri 24 Jan after the cut-off → Mon 27 Jan; 28 Jan–1 Feb Tết, 3 Feb nghỉ bù.
        _calendar.ComputeAppointment(At(2025, 1, 24, 16), LegalTimeLimit.WorkingDays(2)).ShouldBe(At(2025, 2, 5, 17));

    [Test]
    public void Should_walk_office_hours_from_receipt_or_from_the_next_opening()
    {
        _calendar.ComputeAppointment(At(2025, 3, 10, 14), LegalTimeLimit.WorkingHours(4)).ShouldBe(At(2025, 3, 11, 8, 30));
        _calendar.ComputeAppointment(At(2025, 3, 10, 15, 5), LegalTimeLimit.WorkingHours(4)).ShouldBe(At(2025, 3, 11, 11, 30));
        _calendar.ComputeAppointment(At(2025, 3, 15, 9), LegalTimeLimit.WorkingHours(1)).ShouldBe(At(2025, 3, 17, 8, 30));
    }

    [Test]
    public void Should_refuse_a_negative_limit() =>
        Should.Throw<ArgumentOutOfRangeException>(() => _calendar.ComputeAppointment(At(2025, 3, 10, 10), LegalTimeLimit.WorkingDays(-1)));
}
