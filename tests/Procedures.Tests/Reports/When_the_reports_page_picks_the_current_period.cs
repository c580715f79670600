using Procedures.Reports;

namespace Procedures.Tests.Reports;

/// <summary>The reports page opens on the period being written, never on one already past its deadline.</summary>
public sealed class When_the_reports_page_picks_the_current_period
{
    private static readonly ReportCalendarSettings Settings = new();

    [TestCase(2026, 1, 10, ReportKind.HalfYear, 2026)]
    [TestCase(2026, 6, 15, ReportKind.HalfYear, 2026)]
    [TestCase(2026, 6, 16, ReportKind.Year, 2026)]
    [TestCase(2026, 12, 7, ReportKind.Year, 2026)]
    [TestCase(2026, 12, 15, ReportKind.Year, 2026)]
    [TestCase(2026, 12, 16, ReportKind.HalfYear, 2027)]
    public void Should_take_the_first_period_not_yet_due(int year, int month, int day, ReportKind kind, int reportYear)
    {
        var today = new DateOnly(year, month, day);
        var current = Settings.Current(today);

        (current.Kind, current.Year).ShouldBe((kind, reportYear));
        current.DueOn.ShouldBeGreaterThanOrEqualTo(today);
    }

    [Test]
    public void Should_follow_a_unit_types_own_deadline()
    {
        var settings = new ReportCalendarSettings { HalfYearDueByUnitType = new Dictionary<string, MonthDay> { ["commune"] = new(5, 15) } };

        settings.Current(new DateOnly(2026, 5, 20), "commune").Kind.ShouldBe(ReportKind.Year);
        settings.Current(new DateOnly(2026, 5, 20), "district").Kind.ShouldBe(ReportKind.HalfYear);
    }
}
