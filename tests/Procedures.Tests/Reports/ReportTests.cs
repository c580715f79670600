using System.Globalization;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Forms;
using Procedures.Organisation;
using Procedures.Reports;
using Procedures.Statistics;
using Procedures.Tests.Dossiers;
using Procedures.Tests.Statistics;
using Tests.Shared;

namespace Procedures.Tests.Reports;

/// <summary>The half-year ISO report of 2026 (15 Dec 2025 – 14 Jun 2026) on the known dossiers, with communes due on 15 May.</summary>
public sealed partial class ReportTests : StatisticsTest
{
    protected override void Configure(IServiceCollection services) => services.AddSingleton(new ReportCalendarSettings
    {
        HalfYearDueByUnitType = new Dictionary<string, MonthDay> { ["commune"] = new(5, 15) },
    });

    [Test]
    public async Task Periods_and_deadlines_follow_the_calendar_and_each_unit_has_its_submission_state()
    {
        var settings = new ReportCalendarSettings();
        settings.Period(ReportKind.HalfYear, 2026, "commune").ShouldBe(new ReportPeriod(ReportKind.HalfYear, 2026, new(2025, 12, 15), new(2026, 6, 14), new(2026, 6, 15)));
        settings.Period(ReportKind.Year, 2026, "commune").ShouldBe(new ReportPeriod(ReportKind.Year, 2026, new(2025, 12, 15), new(2026, 12, 14), new(2026, 12, 15)));

        (await Handle<IsoReportView>(h => h.HandleAsync(Org.ActorFor(Org.CommuneB, StatisticsOrg.LeaderB), new SubmitIsoReport(Org.CommuneB, ReportKind.HalfYear, 2026)))).Ok()
            .State.ShouldBe(SubmissionState.SubmittedLate);
        (await Handle<IsoReportView>(h => h.HandleAsync(Org.ProvinceLeader, new SaveIsoReportDraft(Org.Department, ReportKind.HalfYear, 2026, "Tốt", null, null)))).Ok()
            .State.ShouldBe(SubmissionState.Draft);
        var states = (await Handle<IReadOnlyList<SubmissionStatus>>(h => h.HandleAsync(Org.ProvinceLeader, new ListSubmissions(Org.Province, ReportKind.HalfYear, 2026)))).Ok();
        states.Select(s => (s.UnitCode, s.Period.DueOn, s.State)).ShouldBe(
        [
            ("000.00.00.H50", new DateOnly(2026, 6, 15), SubmissionState.NotStarted),
            ("000.01.50.H50", new DateOnly(2026, 5, 15), SubmissionState.Late),
            ("000.02.50.H50", new DateOnly(2026, 5, 15), SubmissionState.SubmittedLate),
            ("000.30.50.H50", new DateOnly(2026, 6, 15), SubmissionState.Draft),
            ("000.11.50.H50", new DateOnly(2026, 6, 15), SubmissionState.NotStarted),
        ]);
        (await Handle<IsoReportView>(h => h.HandleAsync(Org.ActorFor(Org.CommuneB, StatisticsOrg.LeaderB), new SubmitIsoReport(Org.CommuneB, ReportKind.HalfYear, 2026))))
            .Fails(ErrorKind.Conflict);
        (await Handle<IsoReportView>(h => h.HandleAsync(Org.ActorFor(Org.CommuneB, StatisticsOrg.SpecialistB, Role.Specialist), new SubmitIsoReport(Org.CommuneB, ReportKind.Year, 2026))))
            .Fails(ErrorKind.Forbidden);
    }

    [Test]
    public async Task The_province_report_is_the_sum_of_its_units_reports_and_a_submitted_report_keeps_its_figures()
    {
        var leaderB = Org.ActorFor(Org.CommuneB, StatisticsOrg.LeaderB);
        var sent = (await Handle<IsoReportView>(h => h.HandleAsync(leaderB, new SubmitIsoReport(Org.CommuneB, ReportKind.HalfYear, 2026)))).Ok();
        sent.Content.Figures.Figures.Received.ShouldBe(4);
        // A dossier B received afterwards shows in the statistics, not in the report B sent.
        Db.Dossiers.Add(new Dossier
        {
            Id = Guid.NewGuid(), Code = "LATE-1", ProcedureId = Org.FiveDay, ReceivingUnitId = Org.CommuneB, ProcessingUnitId = Org.CommuneB,
            Channel = Procedures.Catalogue.Channel.Counter, Status = DossierStatus.Processing, Applicant = new Applicant { FullName = "Sau khi gửi" },
            ReceivedAt = KnownDossiers.Vn(5, 20, 9), ClockStartedAt = KnownDossiers.Vn(5, 20, 9), AppointmentAt = KnownDossiers.Vn(5, 27, 17),
            OriginalAppointmentAt = KnownDossiers.Vn(5, 27, 17),
        });
        await Db.SaveChangesAsync();
        await Refresher.RebuildStatisticsAsync();

        var report = (await Handle<ConsolidatedReport>(h => h.HandleAsync(Org.ProvinceLeader, new GetConsolidatedReport(Org.Province, ReportKind.HalfYear, 2026)))).Ok();
        report.Rows.Select(r => r.UnitCode).ShouldBe(["000.00.00.H50", "000.01.50.H50", "000.02.50.H50", "000.30.50.H50"]);
        foreach (var row in report.Rows.Where(r => !r.Direct))
        {
            var own = (await Handle<IsoReportView>(h => h.HandleAsync(Org.ProvinceLeader, new GetIsoReport(row.UnitId, ReportKind.HalfYear, 2026)))).Ok();
            row.Figures.Figures.ShouldBe(own.Content.Figures.Figures, row.UnitCode);
        }
        report.Rows.Single(r => r.UnitId == Org.CommuneB).Figures.Figures.Received.ShouldBe(4);
        var t = report.Total.Figures;
        (t.CarriedOver, t.ReceivedCounter, t.ReceivedOnline, t.ReceivedPost).ShouldBe((0, 10, 4, 1));
        (t.FinishedEarly, t.FinishedOnTime, t.FinishedLate, t.Refused, t.NotAccepted, t.Withdrawn).ShouldBe((3, 3, 2, 1, 1, 1));
        (t.InProgressWithinTime, t.InProgressOverdue, t.AwaitingSupplement, t.OnTimeRate).ShouldBe((1, 2, 1, 0.6364m));
        t.AverageDays.ShouldBe(4.04m);
        t.Received.ShouldBe(report.Rows.Sum(r => r.Figures.Figures.Received));
        t.InProgress.ShouldBe(report.Rows.Sum(r => r.Figures.Figures.InProgress));

        var live = await Statistics(new GetStatistics(Org.Province, new DateOnly(2025, 12, 15), new DateOnly(2026, 6, 14)));
        live.Total.Received.ShouldBe(16);
        (live.Total.Received - t.Received).ShouldBe(1);
    }

    [Test]
    public async Task The_Excel_and_PDF_exports_carry_the_same_figures()
    {
        var report = (await Handle<ConsolidatedReport>(h => h.HandleAsync(Org.ProvinceLeader, new GetConsolidatedReport(Org.Province, ReportKind.HalfYear, 2026)))).Ok();
        decimal[] expected = [0, 10, 4, 1, 3, 3, 2, 1, 2, 1, 2, 1, 63.64m];

        using var book = new XLWorkbook(new MemoryStream(IsoReportExports.Excel(report)));
        var sheet = book.Worksheet("So lieu");
        var totalRow = ExcelExport.HeaderRow + report.Rows.Count + 1;
        sheet.Cell(totalRow, 2).GetString().ShouldBe("Tổng cộng");
        Enumerable.Range(3, expected.Length).Select(c => sheet.Cell(totalRow, c).GetValue<decimal>()).ShouldBe(expected);
        sheet.Cell(ExcelExport.HeaderRow + 2, 2).GetString().ShouldBe("UBND xã An Lạc");
        book.Worksheet("Chat luong").Cell(ExcelExport.HeaderRow + 3, 9).GetString().ShouldBe("Quá hạn chưa gửi");

        var text = PdfText.Of(IsoReportExports.Pdf(report, new FormAgency("UBND tỉnh Hòa Bình", null, "000.00.00.H50", null, null, "Hòa Bình")));
        text.ShouldContain("UBND xã An Lạc");
        text.ShouldContain("Sở Tư pháp");
        var totals = text.Split('\n').First(l => l.Contains("Tổng cộng", StringComparison.Ordinal));
        Numbers().Matches(totals[totals.IndexOf("Tổng cộng", StringComparison.Ordinal)..]).Select(m => decimal.Parse(m.Value, CultureInfo.InvariantCulture)).ShouldBe(expected);
        text.ShouldContain("4,04 ngày làm việc");
    }

    [Test]
    public async Task The_dossier_register_lists_what_was_received_in_the_days_asked()
    {
        var register = (await RegisterAsync(KnownDossiers.From, KnownDossiers.To)).Ok();
        register.Rows.Count.ShouldBe(12);
        register.Rows[0].DossierCode.ShouldBe(Db.Dossiers.Single(d => d.Id == Dossiers["d1"]).Code);
        register.Rows.Select(r => r.No).ShouldBe(Enumerable.Range(1, 12));
        var text = PdfText.Of(DossierRegisterQuery.Pdf(register, new FormAgency("UBND tỉnh Hòa Bình", null, "000.00.00.H50", null, null)));
        text.ShouldContain("SỔ THEO DÕI HỒ SƠ");
        text.ShouldContain(register.Rows[^1].DossierCode);
        using var book = new XLWorkbook(new MemoryStream(DossierRegisterQuery.Excel(register)));
        book.Worksheet(1).LastRowUsed()!.RowNumber().ShouldBe(ExcelExport.HeaderRow + 12);
        (await RegisterAsync(KnownDossiers.To, KnownDossiers.From)).Fails(ErrorKind.Invalid, "to");
    }

    private async Task<DomainResult<DossierRegisterView>> RegisterAsync(DateOnly from, DateOnly to)
    {
        await using var scope = NewScope();
        return await scope.ServiceProvider.GetRequiredService<DossierRegisterQuery>().HandleAsync(Org.ProvinceLeader, new GetDossierRegister(Org.Province, from, to));
    }

    private async Task<DomainResult<T>> Handle<T>(Func<IsoReportsHandler, Task<DomainResult<T>>> call)
    {
        await using var scope = NewScope();
        return await call(scope.ServiceProvider.GetRequiredService<IsoReportsHandler>());
    }

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex Numbers();
}
