using Api.Admin;
using Api.Audit;
using Procedures.Persistence;
using Procedures.Quality;

namespace Api.Statistics;

/// <summary>Internal audits with their findings, nonconformities through their lifecycle, management reviews (who may call: see <see cref="QualityEndpoints"/>).</summary>
public static class QualityAuditEndpoints
{
    public static void Map(RouteGroupBuilder quality)
    {
        var audits = quality.MapGroup("/audits");
        audits.MapPost("/", (PlanAudit r, HttpContext http, InternalAuditHandler h) => AdminActor.RunAsync(http, a => h.HandleAsync(a, r, http.RequestAborted)))
            .Audited("quality.audit.plan", "audit").WithName("PlanAudit").WithSummary("Lập kế hoạch đánh giá nội bộ").AdminProblems();
        audits.MapGet("/", (HttpContext http, QualityRecordSearch s, Guid unitId, string? text = null, AuditStatus? status = null, int? year = null) =>
                AdminActor.RunAsync(http, a => s.HandleAsync(a, new SearchAudits(unitId, text, status, year), http.RequestAborted)))
            .WithName("SearchAudits").WithSummary("Tìm kế hoạch đánh giá nội bộ").StatisticsProblems();
        quality.MapGet("/audits.xlsx", (HttpContext http, QualityRecordSearch s, ProceduresDb db, Guid unitId, string? text = null, AuditStatus? status = null, int? year = null) =>
                Downloads.FileAsync(http, a => s.HandleAsync(a, new SearchAudits(unitId, text, status, year), http.RequestAborted),
                    async r => QualityExports.Audits(await Downloads.UnitNameAsync(db, unitId, http.RequestAborted), r), Downloads.Excel, "danh-gia-noi-bo.xlsx"))
            .WithName("AuditsExcel").WithSummary("Tải danh sách đánh giá nội bộ (Excel)").ProducesFile(Downloads.Excel);
        audits.MapPost("/{id:guid}/findings", (Guid id, AuditFindingRequest r, HttpContext http, InternalAuditHandler h) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, new RecordAuditFinding(id, r.Clause, r.Description, r.Kind, r.DueOn), http.RequestAborted)))
            .Audited("quality.audit.finding", "audit").WithName("RecordAuditFinding").WithSummary("Ghi nhận phát hiện đánh giá (điểm không phù hợp tạo phiếu)").AdminProblems();
        audits.MapPost("/{id:guid}/completion", (Guid id, AuditCompletionRequest r, HttpContext http, InternalAuditHandler h) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, new CompleteAudit(id, r.DoneOn, r.Summary), http.RequestAborted)))
            .Audited("quality.audit.complete", "audit").WithName("CompleteAudit").WithSummary("Kết thúc đợt đánh giá").AdminProblems();

        var ncs = quality.MapGroup("/nonconformities");
        ncs.MapPost("/", (RaiseNonconformity r, HttpContext http, RaiseNonconformityHandler h) => AdminActor.RunAsync(http, a => h.HandleAsync(a, r, http.RequestAborted)))
            .Audited("quality.nc.raise", "nonconformity").WithName("RaiseNonconformity").WithSummary("Lập phiếu điểm không phù hợp").AdminProblems();
        ncs.MapPost("/from-overdue-dossiers", (RaiseOverdueNonconformities r, HttpContext http, RaiseOverdueNonconformitiesHandler h) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, r, http.RequestAborted)))
            .Audited("quality.nc.overdue", "nonconformity").WithName("RaiseOverdueNonconformities").WithSummary("Lập phiếu không phù hợp cho hồ sơ trễ hạn").AdminProblems();
        ncs.MapGet("/", (HttpContext http, QualityRecordSearch s, Guid unitId, string? text = null, NonconformityStatus? status = null,
                NonconformitySource? source = null, bool overdueOnly = false, DateOnly? raisedFrom = null, DateOnly? raisedTo = null) =>
                AdminActor.RunAsync(http, a => s.HandleAsync(a, new SearchNonconformities(unitId, text, status, source, overdueOnly, raisedFrom, raisedTo), http.RequestAborted)))
            .WithName("SearchNonconformities").WithSummary("Tìm điểm không phù hợp").StatisticsProblems();
        quality.MapGet("/nonconformities.xlsx", (HttpContext http, QualityRecordSearch s, ProceduresDb db, Guid unitId, string? text = null, NonconformityStatus? status = null,
                NonconformitySource? source = null, bool overdueOnly = false, DateOnly? raisedFrom = null, DateOnly? raisedTo = null) =>
                Downloads.FileAsync(http, a => s.HandleAsync(a, new SearchNonconformities(unitId, text, status, source, overdueOnly, raisedFrom, raisedTo), http.RequestAborted),
                    async r => QualityExports.Nonconformities(await Downloads.UnitNameAsync(db, unitId, http.RequestAborted), r), Downloads.Excel, "khong-phu-hop.xlsx"))
            .WithName("NonconformitiesExcel").WithSummary("Tải danh sách điểm không phù hợp (Excel)").ProducesFile(Downloads.Excel);
        ncs.MapPost("/{id:guid}/corrective-action", (Guid id, CorrectiveActionRequest r, HttpContext http, CorrectNonconformityHandler h) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, new PlanCorrectiveAction(id, r.Cause, r.CorrectiveAction, r.Owner, r.DueOn), http.RequestAborted)))
            .Audited("quality.nc.action", "nonconformity").WithName("PlanCorrectiveAction").WithSummary("Nguyên nhân, hành động khắc phục, người thực hiện, hạn").AdminProblems();
        ncs.MapPost("/{id:guid}/verification", (Guid id, VerificationRequest r, HttpContext http, CorrectNonconformityHandler h) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, new VerifyCorrectiveAction(id, r.Effective, r.Note), http.RequestAborted)))
            .Audited("quality.nc.verify", "nonconformity").WithName("VerifyCorrectiveAction").WithSummary("Kiểm tra hiệu lực hành động khắc phục").AdminProblems();
        ncs.MapPost("/{id:guid}/closure", (Guid id, HttpContext http, CorrectNonconformityHandler h) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, new CloseNonconformity(id), http.RequestAborted)))
            .Audited("quality.nc.close", "nonconformity").WithName("CloseNonconformity").WithSummary("Đóng phiếu không phù hợp").AdminProblems();

        var reviews = quality.MapGroup("/management-reviews");
        reviews.MapPost("/", (RecordManagementReview r, HttpContext http, RecordManagementReviewHandler h) => AdminActor.RunAsync(http, a => h.HandleAsync(a, r, http.RequestAborted)))
            .Audited("quality.review", "management-review").WithName("RecordManagementReview").WithSummary("Ghi biên bản xem xét của lãnh đạo").AdminProblems();
        reviews.MapGet("/", (HttpContext http, QualityRecordSearch s, Guid unitId, string? text = null, int? year = null) =>
                AdminActor.RunAsync(http, a => s.HandleAsync(a, new SearchManagementReviews(unitId, text, year), http.RequestAborted)))
            .WithName("SearchManagementReviews").WithSummary("Tìm biên bản xem xét của lãnh đạo").StatisticsProblems();
        quality.MapGet("/management-reviews.xlsx", (HttpContext http, QualityRecordSearch s, ProceduresDb db, Guid unitId, string? text = null, int? year = null) =>
                Downloads.FileAsync(http, a => s.HandleAsync(a, new SearchManagementReviews(unitId, text, year), http.RequestAborted),
                    async r => QualityExports.ManagementReviews(await Downloads.UnitNameAsync(db, unitId, http.RequestAborted), r), Downloads.Excel, "xem-xet-lanh-dao.xlsx"))
            .WithName("ManagementReviewsExcel").WithSummary("Tải biên bản xem xét của lãnh đạo (Excel)").ProducesFile(Downloads.Excel);
    }
}
