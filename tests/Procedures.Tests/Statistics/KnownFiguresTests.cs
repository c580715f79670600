using Procedures.Statistics;

namespace Procedures.Tests.Statistics;

/// <summary>Every figure of the known dossiers for 15 April – 14 May 2026, worked out by hand.</summary>
public sealed class KnownFiguresTests : StatisticsTest
{
    [Test]
    public async Task The_province_total_counts_every_dossier_handled_in_the_period_once()
    {
        var report = await Period();
        var t = report.Total;
        report.FromSummaries.ShouldBeTrue();
        report.AsOf.ShouldBe(KnownDossiers.Vn(5, 15));
        (t.CarriedOver, t.ReceivedCounter, t.ReceivedOnline, t.ReceivedPost, t.Received).ShouldBe((2, 7, 4, 1, 12));
        (t.FinishedEarly, t.FinishedOnTime, t.FinishedLate, t.Refused, t.NotAccepted, t.Withdrawn).ShouldBe((2, 3, 2, 1, 1, 1));
        (t.InProgressWithinTime, t.InProgressOverdue, t.AwaitingSupplement).ShouldBe((1, 2, 1));
        t.SupplementRequests.ShouldBe(2);
        t.AverageDays.ShouldBe(4.05m); // (3.00 + 5.53 + 4.87 + 5.80 + 4.00 + 3.13 + 2.00) / 7
        t.P90Days.ShouldBe(7m);
        t.DelayAttributed.ShouldBe(2);
        (t.ReceivedWithFee, t.ReceivedWithFeeOnline, t.ReceivedDigitised).ShouldBe((3, 1, 1));
        t.OnTimeRate.ShouldBe(0.6m); // (2 + 3 + 1) / (7 + 1 + 2)
        (t.CarriedOver + t.Received).ShouldBe(t.Finished + t.Refused + t.NotAccepted + t.Withdrawn + t.InProgress);
    }

    [Test]
    public async Task Each_child_unit_rolls_up_its_subtree_and_the_province_keeps_its_own_dossiers_apart()
    {
        var report = await Period();
        report.Rows.Select(r => r.Code).ShouldBe(["000.00.00.H50", "000.01.50.H50", "000.02.50.H50", "000.30.50.H50"]);

        var a = Row(report, Org.CommuneA).Figures; // with section A1's dossier d12
        (a.CarriedOver, a.ReceivedCounter, a.ReceivedOnline, a.ReceivedPost).ShouldBe((0, 5, 2, 0));
        (a.FinishedEarly, a.FinishedOnTime, a.FinishedLate, a.Refused, a.NotAccepted, a.Withdrawn).ShouldBe((1, 2, 1, 1, 1, 0));
        (a.InProgressWithinTime, a.InProgressOverdue, a.AwaitingSupplement, a.SupplementRequests).ShouldBe((0, 0, 1, 2));
        (a.AverageDays, a.P90Days, a.DelayAttributed).ShouldBe((4.13m, 7m, 0));

        var b = Row(report, Org.CommuneB).Figures;
        (b.CarriedOver, b.ReceivedCounter, b.ReceivedOnline, b.ReceivedPost).ShouldBe((1, 1, 1, 1));
        (b.FinishedEarly, b.FinishedOnTime, b.FinishedLate, b.Withdrawn).ShouldBe((0, 1, 1, 1));
        (b.InProgressWithinTime, b.InProgressOverdue, b.AwaitingSupplement).ShouldBe((0, 1, 0));
        (b.AverageDays, b.P90Days, b.DelayAttributed).ShouldBe((4.90m, 7m, 1));

        var d = Row(report, Org.Department).Figures;
        (d.CarriedOver, d.ReceivedOnline, d.InProgressWithinTime, d.InProgressOverdue, d.DelayAttributed).ShouldBe((1, 1, 1, 1, 1));
        (d.AverageDays, d.P90Days).ShouldBe((null, null));

        var own = Row(report, Org.Province);
        own.Name.ShouldContain("(trực tiếp)");
        (own.Figures.ReceivedCounter, own.Figures.FinishedEarly, own.Figures.AverageDays, own.Figures.P90Days).ShouldBe((1, 1, 2.00m, 2m));
    }

    [Test]
    public async Task The_rows_of_every_grouping_add_up_to_the_total()
    {
        foreach (var grouping in Enum.GetValues<StatisticsGrouping>().Where(g => g != StatisticsGrouping.Month))
        {
            var report = await Period(grouping);
            Sum(report.Rows, f => f.Received).ShouldBe(report.Total.Received, grouping.ToString());
            Sum(report.Rows, f => f.CarriedOver).ShouldBe(report.Total.CarriedOver, grouping.ToString());
            Sum(report.Rows, f => f.Finished).ShouldBe(report.Total.Finished, grouping.ToString());
            Sum(report.Rows, f => f.InProgress).ShouldBe(report.Total.InProgress, grouping.ToString());
            Sum(report.Rows, f => f.DelayAttributed).ShouldBe(report.Total.DelayAttributed, grouping.ToString());
        }
    }

    [Test]
    public async Task Officials_are_the_assigned_specialist_or_else_the_receiving_clerk()
    {
        var report = await Period(StatisticsGrouping.Official);
        report.Rows.Select(r => r.Key).ShouldBe([StatisticsOrg.ClerkA, StatisticsOrg.SpecialistA, StatisticsOrg.SpecialistB, StatisticsOrg.SpecialistD, StatisticsOrg.SpecialistP]);
        report.Rows.Single(r => r.Key == StatisticsOrg.ClerkA).Figures.NotAccepted.ShouldBe(1);
        var b = report.Rows.Single(r => r.Key == StatisticsOrg.SpecialistB);
        b.Name.ShouldBe("Lê Văn Bình");
        (b.Figures.CarriedOver, b.Figures.Received, b.Figures.FinishedOnTime, b.Figures.FinishedLate, b.Figures.Withdrawn, b.Figures.InProgressOverdue)
            .ShouldBe((1, 3, 1, 1, 1, 1));
    }

    [Test]
    public async Task Procedures_and_sectors_split_the_same_dossiers()
    {
        var byProcedure = await Period(StatisticsGrouping.Procedure);
        var five = byProcedure.Rows.Single(r => r.Key == Org.FiveDay.ToString()).Figures;
        (five.Received, five.CarriedOver, five.FinishedEarly, five.FinishedOnTime, five.Refused, five.NotAccepted).ShouldBe((9, 0, 2, 2, 1, 1));
        var three = byProcedure.Rows.Single(r => r.Key == Org.ThreeDay.ToString()).Figures;
        (three.Received, three.CarriedOver, three.FinishedLate, three.FinishedOnTime, three.Withdrawn).ShouldBe((3, 2, 2, 1, 1));

        var bySector = await Period(StatisticsGrouping.Sector);
        bySector.Rows.Single(r => r.Key == Org.SectorOne.ToString()).Figures.ShouldBe(five);
        bySector.Rows.Single(r => r.Key == Org.SectorTwo.ToString()).Figures.ShouldBe(three);
    }

    [Test]
    public async Task Months_split_the_period_with_what_was_open_at_each_month_start()
    {
        var report = await Period(StatisticsGrouping.Month);
        report.Rows.Select(r => r.Key).ShouldBe(["2026-04-15", "2026-05-01"]);
        var april = report.Rows[0].Figures;
        (april.CarriedOver, april.Received, april.FinishedEarly, april.FinishedLate, april.Refused, april.NotAccepted).ShouldBe((2, 6, 1, 2, 1, 1));
        (april.InProgressWithinTime, april.InProgressOverdue, april.AwaitingSupplement).ShouldBe((2, 1, 0));
        var may = report.Rows[1].Figures;
        (may.CarriedOver, may.Received, may.FinishedEarly, may.FinishedOnTime, may.Withdrawn).ShouldBe((3, 6, 1, 3, 1));
        (may.InProgressWithinTime, may.InProgressOverdue, may.AwaitingSupplement).ShouldBe((1, 2, 1));
    }

    [Test]
    public async Task A_filter_on_procedure_or_official_narrows_every_figure()
    {
        var three = await Statistics(new GetStatistics(Org.Province, KnownDossiers.From, KnownDossiers.To, ProcedureId: Org.ThreeDay));
        three.Total.Received.ShouldBe(3);
        var sector = await Statistics(new GetStatistics(Org.Province, KnownDossiers.From, KnownDossiers.To, SectorId: Org.SectorTwo));
        sector.Total.ShouldBe(three.Total);
        var specB = await Statistics(new GetStatistics(Org.Province, KnownDossiers.From, KnownDossiers.To, Official: StatisticsOrg.SpecialistB));
        (specB.Total.CarriedOver, specB.Total.Received, specB.Total.DelayAttributed).ShouldBe((1, 3, 1));
    }

    private static int Sum(IEnumerable<StatisticsRow> rows, Func<StatisticsFigures, int> figure) => rows.Sum(r => figure(r.Figures));
}
