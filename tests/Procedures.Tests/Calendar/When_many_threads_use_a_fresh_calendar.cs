using Engine.Definitions;
using Procedures.Calendar;

namespace Procedures.Tests.Calendar;

public sealed class When_many_threads_use_a_fresh_calendar
{
    [Test]
    public void Should_build_each_year_once_and_answer_as_a_single_thread_would()
    {
        var shared = new VietnameseCalendar();
        var start = new DateTimeOffset(2020, 1, 2, 9, 0, 0, TimeSpan.FromHours(7));
        var amounts = Enumerable.Range(0, 400).Select(i => WorkingTime.Days(i * 10)).ToArray();

        var concurrent = new DateTimeOffset[amounts.Length];
        Parallel.For(0, amounts.Length, i => concurrent[i] = shared.Add(start, amounts[i]));

        var sequential = new VietnameseCalendar();
        concurrent.ShouldBe(amounts.Select(a => sequential.Add(start, a)).ToArray());
    }
}
