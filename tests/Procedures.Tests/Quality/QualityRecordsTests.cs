using ClosedXML.Excel;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Quality;
using Procedures.Reports;
using Procedures.Tests.Dossiers;

namespace Procedures.Tests.Quality;

public sealed class QualityRecordsTests : QualityTest
{
    [Test]
    public async Task Objectives_are_tracked_against_the_statistics_of_the_year_so_far()
    {
        (await Run<QualityObjectivesHandler, int>(h => h.HandleAsync(Leader, new SetQualityPolicy(Org.Province, "Phục vụ nhanh chóng, đúng hẹn", "Vũ Văn Lãnh", new DateOnly(2026, 1, 5))))).Ok().ShouldBe(1);
        (await Run<QualityObjectivesHandler, int>(h => h.HandleAsync(Leader, new SetQualityPolicy(Org.Province, "Minh bạch, đúng hẹn, hài lòng", "Vũ Văn Lãnh", new DateOnly(2026, 3, 1))))).Ok().ShouldBe(2);
        await Objective("95% hồ sơ đúng hạn", ObjectiveMeasure.OnTimeRate, 0.95m);
        await Objective("Bình quân không quá 5 ngày làm việc", ObjectiveMeasure.AverageDays, 5);
        await Objective("Không quá 1 hồ sơ đang quá hạn", ObjectiveMeasure.OverdueInProgress, 1);
        (await Run<QualityObjectivesHandler, Guid>(h => h.HandleAsync(Leader, new SetQualityObjective(Org.Province, 2026, "x", ObjectiveMeasure.OnTimeRate, 95)))).Fails(ErrorKind.Invalid, "target");

        var report = (await Run<QualityObjectivesHandler, ObjectivesReport>(h => h.HandleAsync(Leader, new TrackObjectives(Org.Province, 2026)))).Ok();
        (report.Policy, report.PolicyVersion).ShouldBe(("Minh bạch, đúng hẹn, hài lòng", 2));
        var o = report.Objectives;
        // 1 Jan – 20 May: results d0 d1 d13 early, d2 d5 d12 on time, d3 d6 late; now d14 within time, d4 d7 overdue.
        (o[0].Actual, o[0].Met).ShouldBe((0.6364m, false)); // 7 / 11
        (o[1].Actual, o[1].Met).ShouldBe((4.04m, true));    // (4.00 + 28.33) / 8
        (o[2].Actual, o[2].Met).ShouldBe((2m, false));
        o.ShouldAllBe(x => x.From == new DateOnly(2026, 1, 1) && x.To == new DateOnly(2026, 5, 20));

        var xlsx = QualityExports.Objectives("UBND tỉnh", report);
        using var book = new XLWorkbook(new MemoryStream(xlsx));
        book.Worksheet(1).Cell(ExcelExport.HeaderRow + 1, 4).GetValue<decimal>().ShouldBe(0.6364m);
    }

    [Test]
    public async Task An_audit_finding_of_nonconformity_raises_one_to_correct()
    {
        var plan = (await Audit(h => h.HandleAsync(Leader, new PlanAudit(Org.CommuneB, "Đánh giá nội bộ năm 2026", "Toàn bộ TTHC lĩnh vực hộ tịch",
            new DateOnly(2026, 6, 10), "Nguyễn A, Trần B")))).Ok();
        (await Audit(h => h.HandleAsync(Leader, new RecordAuditFinding(plan.Id, "8.5.1", "Phiếu kiểm soát quá trình thiếu chữ ký", FindingKind.Nonconformity)))).Ok();
        var withBoth = (await Audit(h => h.HandleAsync(Leader, new RecordAuditFinding(plan.Id, "7.5", "Nên số hóa sổ theo dõi", FindingKind.Improvement)))).Ok();
        withBoth.Findings.Count.ShouldBe(2);
        withBoth.Findings[0].NonconformityNumber.ShouldBe("KPH-2026-001");
        withBoth.Findings[1].NonconformityId.ShouldBeNull();
        var done = (await Audit(h => h.HandleAsync(Leader, new CompleteAudit(plan.Id, new DateOnly(2026, 5, 20), "Hệ thống phù hợp, 1 điểm không phù hợp")))).Ok();
        done.Status.ShouldBe(AuditStatus.Done);
        (await Audit(h => h.HandleAsync(Leader, new CompleteAudit(plan.Id, new DateOnly(2026, 5, 20), "lần hai")))).Fails(ErrorKind.Conflict);

        var ncs = (await Run<QualityRecordSearch, IReadOnlyList<NonconformityView>>(h => h.HandleAsync(Leader,
            new SearchNonconformities(Org.Province, Source: NonconformitySource.InternalAudit)))).Ok();
        ncs.Single().Description.ShouldBe("Phiếu kiểm soát quá trình thiếu chữ ký");
        var found = (await Run<QualityRecordSearch, IReadOnlyList<AuditView>>(h => h.HandleAsync(Leader, new SearchAudits(Org.Province, "hộ tịch", Year: 2026)))).Ok();
        found.Single().Id.ShouldBe(plan.Id);
        using var book = new XLWorkbook(new MemoryStream(QualityExports.Audits("UBND xã Bình Yên", found)));
        book.Worksheet(1).Cell(ExcelExport.HeaderRow + 1, 10).GetString().ShouldBe("KPH-2026-001");
        book.Worksheet(1).LastRowUsed()!.RowNumber().ShouldBe(ExcelExport.HeaderRow + 2);
    }

    [Test]
    public async Task A_management_review_is_recorded_once_held_and_found_by_its_decisions()
    {
        var review = new RecordManagementReview(Org.Province, new DateOnly(2026, 5, 18), "Vũ Văn Lãnh", "Lãnh đạo, trưởng các phòng",
            "Kết quả đánh giá nội bộ; tỷ lệ đúng hạn 63,6%", "Giao Sở Tư pháp giảm hồ sơ quá hạn", "Rà soát hằng tuần");
        (await Run<RecordManagementReviewHandler, ManagementReviewView>(h => h.HandleAsync(Leader, review with { HeldOn = new DateOnly(2026, 6, 1) })))
            .Fails(ErrorKind.Invalid, "heldOn");
        (await Run<RecordManagementReviewHandler, ManagementReviewView>(h => h.HandleAsync(Leader, review))).Ok();
        var found = (await Run<QualityRecordSearch, IReadOnlyList<ManagementReviewView>>(h => h.HandleAsync(Leader, new SearchManagementReviews(Org.Province, "quá hạn")))).Ok();
        found.Single().Chair.ShouldBe("Vũ Văn Lãnh");
        using var book = new XLWorkbook(new MemoryStream(QualityExports.ManagementReviews("UBND tỉnh", found)));
        book.Worksheet(1).Cell(ExcelExport.HeaderRow + 1, 5).GetString().ShouldBe("Giao Sở Tư pháp giảm hồ sơ quá hạn");
    }

    [Test]
    public async Task The_document_register_lists_own_versions_the_published_workflows_and_the_forms()
    {
        await PublishAsync(TestDefinitions.SameDay);
        Db.Competences.Add(new Competence { Id = Guid.NewGuid(), ProcedureId = Org.FiveDay, UnitId = Org.CommuneA, WorkflowDefinitionId = "test-same-day", EffectiveFrom = new DateOnly(2026, 1, 1) });
        await Db.SaveChangesAsync();
        var first = new RecordControlledDocument(Org.CommuneA, "STCL", "Sổ tay chất lượng", DocumentKind.QualityManual, "01", new DateOnly(2026, 1, 1), "Chủ tịch UBND xã");
        (await Documents(h => h.HandleAsync(Leader, first))).Ok().IsCurrent.ShouldBeTrue();
        (await Documents(h => h.HandleAsync(Leader, first))).Fails(ErrorKind.Conflict);
        (await Documents(h => h.HandleAsync(Leader, first with { Version = "02" }))).Fails(ErrorKind.Invalid, "effectiveFrom");
        (await Documents(h => h.HandleAsync(Leader, first with { Version = "02", EffectiveFrom = new DateOnly(2026, 5, 1) }))).Ok();

        var register = (await Run<ControlledDocumentsHandler, IReadOnlyList<DocumentRegisterRow>>(h => h.HandleAsync(Leader, new ListDocumentRegister(Org.CommuneA)))).Ok();
        register.Where(r => r.Source == "record").Select(r => (r.Version, r.IsCurrent)).ShouldBe([("01", false), ("02", true)]);
        var workflow = register.Single(r => r.Source == "workflow");
        (workflow.Code, workflow.Version, workflow.ApprovedBy, workflow.IsCurrent).ShouldBe(("test-same-day", "v1", "admin", true));
        register.Count(r => r.Source == "form").ShouldBe(7); // "Mẫu CT01" of the catalogue and forms 01–06
        (await Run<ControlledDocumentsHandler, IReadOnlyList<DocumentRegisterRow>>(h => h.HandleAsync(Leader,
            new ListDocumentRegister(Org.CommuneA, "sổ tay", CurrentOnly: true)))).Ok().Single().Version.ShouldBe("02");

        using var book = new XLWorkbook(new MemoryStream(QualityExports.DocumentRegister("UBND xã An Lạc", register)));
        book.Worksheet(1).LastRowUsed()!.RowNumber().ShouldBe(ExcelExport.HeaderRow + register.Count);
    }

    private async Task Objective(string title, ObjectiveMeasure measure, decimal target) =>
        (await Run<QualityObjectivesHandler, Guid>(h => h.HandleAsync(Leader, new SetQualityObjective(Org.Province, 2026, title, measure, target)))).Ok();

    private Task<DomainResult<AuditView>> Audit(Func<InternalAuditHandler, Task<DomainResult<AuditView>>> call) => Run(call);

    private Task<DomainResult<DocumentRegisterRow>> Documents(Func<ControlledDocumentsHandler, Task<DomainResult<DocumentRegisterRow>>> call) => Run(call);
}
