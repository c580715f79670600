using Microsoft.Extensions.DependencyInjection;
using Procedures.Statistics;

namespace Procedures.Tests.Statistics;

/// <summary>
/// A period that does not start or end on the 1st or the 15th reads the whole half-months inside it from the summaries
/// and only its edges from the per-day rows (every grouping, with or without a procedure, sector or official filter);
/// the figures must be exactly those of the fact rows alone (the old way), of the summaries with the edges from the fact
/// rows, and for the month view of each month read on its own.
/// </summary>
public sealed class OddPeriodTests : StatisticsTest
{
    private static readonly (DateOnly From, DateOnly To)[] OddPeriods =
    [
        (new(2026, 4, 2), new(2026, 5, 18)),   // whole half-months 15 Apr – 14 May inside, edges on both sides
        (new(2026, 4, 16), new(2026, 5, 13)),  // no whole half-month inside: edges only
        (new(2026, 4, 21), new(2026, 5, 6)),   // across the long holiday weekend
        (new(2026, 4, 24), new(2026, 4, 30)),  // inside one half-month
        (new(2026, 4, 15), new(2026, 5, 6)),   // starts on a boundary, ends off it
        (new(2026, 4, 22), new(2026, 5, 14)),  // starts off a boundary, ends on one
        (new(2026, 4, 3), new(2026, 5, 20)),   // runs to today: the open dossiers are read at now
        (new(2026, 5, 3), new(2026, 6, 10)),   // runs into the future
        (new(2025, 12, 20), new(2026, 4, 25)), // across a year, from and to in the middle of half-months
        (new(2026, 5, 19), new(2026, 5, 20)),  // yesterday and today
        (new(2026, 3, 20), new(2026, 5, 18)),  // April from the month rows, the half-months 15 – 31 Mar and 1 – 14 May beside it
        (new(2024, 12, 20), new(2026, 5, 12)), // 2025 from the year rows, Jan – Apr 2026 from the month rows
        (new(2026, 1, 20), new(2026, 12, 31)), // into the future: the year 2026 from the year rows less January from the month rows
    ];

    /// <summary>No filter, or one procedure, one sector or one official (a specialist and a clerk).</summary>
    public enum Filter { None, Procedure, Sector, Specialist, Clerk }

    private static IEnumerable<TestCaseData> Cases() =>
        from period in OddPeriods
        from grouping in Enum.GetValues<StatisticsGrouping>()
        select new TestCaseData(period.From, period.To, grouping, Filter.None).SetName($"Should_equal_the_fact_rows_for_{period.From:MMdd}_{period.To:MMdd}_by_{grouping}");

    private static IEnumerable<TestCaseData> FilteredCases() =>
        from period in OddPeriods
        from grouping in Enum.GetValues<StatisticsGrouping>()
        from filter in new[] { Filter.Procedure, Filter.Sector, Filter.Specialist, Filter.Clerk }
        select new TestCaseData(period.From, period.To, grouping, filter)
            .SetName($"Should_equal_the_fact_rows_for_{period.From:MMdd}_{period.To:MMdd}_by_{grouping}_for_one_{filter}");

    [TestCaseSource(nameof(Cases))]
    [TestCaseSource(nameof(FilteredCases))]
    public async Task Should_give_exactly_the_figures_of_the_fact_rows(DateOnly from, DateOnly to, StatisticsGrouping grouping, Filter filter)
    {
        var scope = (await StatisticsScope.ResolveAsync(Db, Org.ProvinceLeader, Org.Province,
            filter == Filter.Procedure ? Org.FiveDay : null, filter == Filter.Sector ? Org.SectorTwo : null,
            filter switch { Filter.Specialist => StatisticsOrg.SpecialistA, Filter.Clerk => StatisticsOrg.ClerkA, _ => null }, default)).Value!;
        var query = Scoped.GetRequiredService<StatisticsQuery>();
        var mixed = await query.ComputeAsync(scope, from, to, grouping, default);
        var facts = await query.ComputeAsync(scope, from, to, grouping, default, forceFacts: true);
        var factEdges = await query.ComputeAsync(scope, from, to, grouping, default, factEdges: true);
        var monthByMonth = await query.ComputeAsync(scope, from, to, grouping, default, monthByMonth: true);
        facts.FromSummaries.ShouldBeFalse();
        mixed.Rows.ShouldBe(facts.Rows);
        mixed.Total.ShouldBe(facts.Total);
        mixed.AsOf.ShouldBe(facts.AsOf);
        factEdges.Rows.ShouldBe(facts.Rows);
        factEdges.Total.ShouldBe(facts.Total);
        monthByMonth.Rows.ShouldBe(facts.Rows);
        monthByMonth.Total.ShouldBe(facts.Total);
        monthByMonth.AsOf.ShouldBe(facts.AsOf);
    }

    [Test]
    public async Task Should_find_figures_under_every_filter_of_the_odd_periods()
    {
        // Guards the filtered cases above against comparing empty reports.
        foreach (var (procedure, sector, official) in new (Guid?, Guid?, string?)[]
                     { (Org.FiveDay, null, null), (null, Org.SectorTwo, null), (null, null, StatisticsOrg.SpecialistA), (null, null, StatisticsOrg.ClerkA) })
        {
            var report = await Statistics(new GetStatistics(Org.Province, new DateOnly(2025, 12, 20), new DateOnly(2026, 5, 20),
                StatisticsGrouping.Unit, procedure, sector, official));
            (report.Total.CarriedOver + report.Total.Received).ShouldBeGreaterThan(0, $"{procedure} {sector} {official}");
        }
    }

    [Test]
    public async Task Should_read_the_whole_half_months_inside_an_odd_period_from_the_summaries()
    {
        var report = await Statistics(new GetStatistics(Org.Province, new DateOnly(2026, 4, 2), new DateOnly(2026, 5, 18)));
        report.FromSummaries.ShouldBeTrue();
        var t = report.Total;
        // Every dossier handled in the period is counted once on each side.
        (t.CarriedOver + t.Received).ShouldBe(t.Finished + t.Refused + t.NotAccepted + t.Withdrawn + t.InProgress);
        t.Received.ShouldBeGreaterThan(0);
    }

    [Test]
    public async Task Should_count_the_known_dossiers_of_a_period_across_the_holidays_exactly()
    {
        // Open at 21 Apr 00:00: d1, d3, d7 (d6 finished on 20 Apr). Received 21 Apr – 6 May: d2 d4 d5 d8 d9 d12 d13.
        var t = (await Statistics(new GetStatistics(Org.Province, new DateOnly(2026, 4, 21), new DateOnly(2026, 5, 6)))).Total;
        (t.CarriedOver, t.Received).ShouldBe((3, 7));
        (t.FinishedEarly, t.FinishedOnTime, t.FinishedLate, t.Refused, t.NotAccepted).ShouldBe((1, 1, 1, 1, 1));
    }
}
