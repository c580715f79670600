using Engine.Definitions;
using Procedures.Calendar;
using Procedures.Dossiers;

namespace Procedures.Tests.Dossiers;

public sealed class When_a_hand_off_is_judged_against_its_due_time
{
    private static readonly VietnameseCalendar Calendar = new();
    private static DateTimeOffset Vn(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(7));
    private static Timeliness? Judge(DateTimeOffset at, DateTimeOffset? due) => DossierTimeliness.Judge(Calendar, at, due, WorkingTime.Days(1));

    [Test]
    public void Should_be_late_only_after_the_due_time()
    {
        Judge(Vn(3, 5, 10, 1), Vn(3, 5, 10)).ShouldBe(Timeliness.Late);
        Judge(Vn(3, 5, 10), Vn(3, 5, 10)).ShouldBe(Timeliness.OnTime);
    }

    [Test]
    public void Should_be_early_a_full_working_day_ahead() =>
        Judge(Vn(3, 4, 10), Vn(3, 5, 10)).ShouldBe(Timeliness.Early);

    [Test]
    public void Should_not_count_a_weekend_as_being_early() =>
        // Friday 16:00 for Monday 10:00: almost three calendar days, but less than one working day.
        Judge(Vn(3, 6, 16), Vn(3, 9, 10)).ShouldBe(Timeliness.OnTime);

    [Test]
    public void Should_have_nothing_to_judge_without_a_due_time() =>
        Judge(Vn(3, 5, 10), null).ShouldBeNull();
}
