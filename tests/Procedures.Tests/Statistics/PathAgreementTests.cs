using Microsoft.Extensions.DependencyInjection;
using Procedures.Statistics;

namespace Procedures.Tests.Statistics;

/// <summary>The summaries, the fact rows and the drill-down lists are three readings of one definition.</summary>
public sealed class PathAgreementTests : StatisticsTest
{
    [TestCase(StatisticsGrouping.ChildUnit)]
    [TestCase(StatisticsGrouping.Unit)]
    [TestCase(StatisticsGrouping.Procedure)]
    [TestCase(StatisticsGrouping.Official)]
    [TestCase(StatisticsGrouping.Month)]
    public async Task The_summaries_give_what_the_fact_rows_give(StatisticsGrouping grouping)
    {
        var scope = await ScopeAsync();
        var query = Scoped.GetRequiredService<StatisticsQuery>();
        var summaries = await query.ComputeAsync(scope, KnownDossiers.From, KnownDossiers.To, grouping, default);
        var facts = await query.ComputeAsync(scope, KnownDossiers.From, KnownDossiers.To, grouping, default, forceFacts: true);
        summaries.FromSummaries.ShouldBeTrue();
        facts.FromSummaries.ShouldBeFalse();
        facts.Rows.ShouldBe(summaries.Rows);
        facts.Total.ShouldBe(summaries.Total);
    }

    [Test]
    public async Task A_period_off_the_half_month_boundaries_is_read_from_the_fact_rows()
    {
        var report = await Statistics(new GetStatistics(Org.Province, new DateOnly(2026, 4, 21), new DateOnly(2026, 5, 6)));
        report.FromSummaries.ShouldBeFalse();
        var t = report.Total;
        // Open at 21 Apr 00:00: d6? no (finished 20 Apr); d1, d3, d7. Received 21 Apr – 6 May: d2 d4 d5 d8 d9 d12 d13.
        (t.CarriedOver, t.Received).ShouldBe((3, 7));
        (t.FinishedEarly, t.FinishedOnTime, t.FinishedLate, t.Refused, t.NotAccepted).ShouldBe((1, 1, 1, 1, 1)); // d13 came on 7 May 09:00
        (t.CarriedOver + t.Received).ShouldBe(t.Finished + t.Refused + t.NotAccepted + t.Withdrawn + t.InProgress);
    }

    [Test]
    public async Task The_current_period_counts_what_is_open_now()
    {
        Clock.Set(KnownDossiers.Vn(5, 12, 12));
        await Refresher.RebuildStatisticsAsync();
        var report = await Statistics(new GetStatistics(Org.Province, new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31)));
        report.FromSummaries.ShouldBeTrue();
        report.AsOf.ShouldBe(KnownDossiers.Vn(5, 12, 12));
        // At Tue 12 May 12:00: d4 and d7 overdue; d12 within time (clock restarted 8 May); d10 waiting; d14 not yet received.
        (report.Total.InProgressOverdue, report.Total.InProgressWithinTime, report.Total.AwaitingSupplement).ShouldBe((2, 1, 1));
        (report.Total.Withdrawn, report.Total.ReceivedPost).ShouldBe((1, 1));
    }

    [Test]
    public async Task Every_cell_drills_down_to_as_many_dossiers_as_it_counts()
    {
        var report = await Period();
        foreach (var row in report.Rows)
        foreach (var figure in Enum.GetValues<StatisticsFigure>())
        {
            var page = await Drill(new DrillDown(Org.Province, KnownDossiers.From, KnownDossiers.To, figure, RowKey: row.Key));
            page.TotalCount.ShouldBe(row.Figures.Count(figure), $"{row.Code} {figure}");
            page.Dossiers.Count.ShouldBe(page.TotalCount);
        }
    }

    [Test]
    public async Task A_drill_down_names_the_dossiers_behind_the_figure()
    {
        var late = await Drill(new DrillDown(Org.Province, KnownDossiers.From, KnownDossiers.To, StatisticsFigure.FinishedLate));
        late.Dossiers.Select(d => d.DossierId).ShouldBe([Dossiers["d6"], Dossiers["d3"]]);
        var blamedOnDepartment = await Drill(new DrillDown(Org.Province, KnownDossiers.From, KnownDossiers.To, StatisticsFigure.DelayAttributed,
            RowKey: Org.Department.ToString()));
        blamedOnDepartment.Dossiers.Single().DossierId.ShouldBe(Dossiers["d3"]);
        var sectorTwoCarried = await Drill(new DrillDown(Org.Province, KnownDossiers.From, KnownDossiers.To, StatisticsFigure.CarriedOver,
            StatisticsGrouping.Sector, Org.SectorTwo.ToString()));
        sectorTwoCarried.Dossiers.Select(d => d.DossierId).ShouldBe([Dossiers["d7"], Dossiers["d6"]]);
        var mayOpen = await Drill(new DrillDown(Org.Province, KnownDossiers.From, KnownDossiers.To, StatisticsFigure.CarriedOver,
            StatisticsGrouping.Month, "2026-05-01"));
        mayOpen.TotalCount.ShouldBe(3);
        var paged = await Drill(new DrillDown(Org.Province, KnownDossiers.From, KnownDossiers.To, StatisticsFigure.Received, Page: 2, PageSize: 5));
        (paged.TotalCount, paged.Dossiers.Count).ShouldBe((12, 5));
    }

    private async Task<StatisticsScope> ScopeAsync() =>
        (await StatisticsScope.ResolveAsync(Db, Org.ProvinceLeader, Org.Province, null, null, null, default)).Value!;
}
