using Api.Accounts;
using Api.Admin;
using Api.Audit;
using Procedures.Persistence;
using Procedures.Reports;

namespace Api.Statistics;

public sealed record IsoReportDraftRequest(string? Assessment, string? Difficulties, string? Proposals);

/// <summary>
/// Periodic ISO reports (half-year, year) and the dossier register. Any official reads those of their units'
/// subtrees; leaders, deputies, section heads and unit admins of the unit (or above) write and submit (the domain
/// decides: 403 for others, 404 outside their branch). Citizens and anonymous callers are refused.
/// </summary>
public static class ReportEndpoints
{
    public static void Map(WebApplication app)
    {
        var reports = app.MapGroup("/api/v1/reports").WithTags("Reports").RequireAuthorization(Policies.Official);
        reports.MapGet("/iso", (HttpContext http, IsoReportsHandler h, Guid unitId, ReportKind kind, int year) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, new ListSubmissions(unitId, kind, year), http.RequestAborted)))
            .WithName("IsoReportSubmissions").WithSummary("Báo cáo định kỳ: kỳ báo cáo, hạn nộp, tình trạng nộp của đơn vị và các đơn vị trực thuộc")
            .StatisticsProblems();
        var one = reports.MapGroup("/iso/{unitId:guid}/{kind}/{year:int}");
        one.MapGet("/", (Guid unitId, ReportKind kind, int year, HttpContext http, IsoReportsHandler h) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, new GetIsoReport(unitId, kind, year), http.RequestAborted)))
            .WithName("IsoReport").WithSummary("Báo cáo định kỳ của một đơn vị").StatisticsProblems();
        one.MapPut("/draft", (Guid unitId, ReportKind kind, int year, IsoReportDraftRequest r, HttpContext http, IsoReportsHandler h) =>
            {
                http.AuditResource(unitId);
                return AdminActor.RunAsync(http, a => h.HandleAsync(a, new SaveIsoReportDraft(unitId, kind, year, r.Assessment, r.Difficulties, r.Proposals), http.RequestAborted));
            })
            .Audited("iso-report.draft", "unit").WithName("SaveIsoReportDraft").WithSummary("Lưu dự thảo báo cáo (đánh giá, khó khăn, kiến nghị)")
            .AdminProblems();
        one.MapPost("/submission", (Guid unitId, ReportKind kind, int year, HttpContext http, IsoReportsHandler h) =>
            {
                http.AuditResource(unitId);
                return AdminActor.RunAsync(http, a => h.HandleAsync(a, new SubmitIsoReport(unitId, kind, year), http.RequestAborted));
            })
            .Audited("iso-report.submit", "unit").WithName("SubmitIsoReport").WithSummary("Gửi báo cáo lên cấp trên (số liệu được chốt khi gửi)")
            .AdminProblems();
        one.MapGet("/consolidated", (Guid unitId, ReportKind kind, int year, HttpContext http, IsoReportsHandler h) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, new GetConsolidatedReport(unitId, kind, year), http.RequestAborted)))
            .WithName("ConsolidatedIsoReport").WithSummary("Báo cáo tổng hợp: đơn vị và các đơn vị trực thuộc, dòng tổng")
            .StatisticsProblems();
        one.MapGet("/consolidated.xlsx", (Guid unitId, ReportKind kind, int year, HttpContext http, IsoReportsHandler h) =>
                Downloads.FileAsync(http, a => h.HandleAsync(a, new GetConsolidatedReport(unitId, kind, year), http.RequestAborted),
                    r => Task.FromResult(IsoReportExports.Excel(r)), Downloads.Excel, $"bao-cao-{kind}-{year}-{unitId:N}.xlsx"))
            .WithName("ConsolidatedIsoReportExcel").WithSummary("Tải báo cáo tổng hợp (Excel)").ProducesFile(Downloads.Excel);
        one.MapGet("/consolidated.pdf", (Guid unitId, ReportKind kind, int year, HttpContext http, IsoReportsHandler h, ProceduresDb db) =>
                Downloads.FileAsync(http, a => h.HandleAsync(a, new GetConsolidatedReport(unitId, kind, year), http.RequestAborted),
                    async r => IsoReportExports.Pdf(r, await Downloads.AgencyAsync(db, unitId, http.RequestAborted)), Downloads.Pdf,
                    $"bao-cao-{kind}-{year}-{unitId:N}.pdf"))
            .WithName("ConsolidatedIsoReportPdf").WithSummary("Tải báo cáo tổng hợp (PDF)").ProducesFile(Downloads.Pdf);

        reports.MapGet("/register", (HttpContext http, DossierRegisterQuery q, Guid unitId, DateOnly from, DateOnly to) =>
                AdminActor.RunAsync(http, a => q.HandleAsync(a, new GetDossierRegister(unitId, from, to), http.RequestAborted)))
            .Audited("register.read", "unit").WithName("DossierRegister").WithSummary("Sổ theo dõi hồ sơ (Mẫu 06) theo khoảng ngày").StatisticsProblems();
        reports.MapGet("/register.xlsx", (HttpContext http, DossierRegisterQuery q, Guid unitId, DateOnly from, DateOnly to) =>
                Downloads.FileAsync(http, a => q.HandleAsync(a, new GetDossierRegister(unitId, from, to), http.RequestAborted),
                    r => Task.FromResult(DossierRegisterQuery.Excel(r)), Downloads.Excel, $"so-theo-doi-{from:yyyyMMdd}-{to:yyyyMMdd}.xlsx"))
            .Audited("register.export", "unit").WithName("DossierRegisterExcel").WithSummary("Tải sổ theo dõi hồ sơ (Excel)").ProducesFile(Downloads.Excel);
        reports.MapGet("/register.pdf", (HttpContext http, DossierRegisterQuery q, ProceduresDb db, Guid unitId, DateOnly from, DateOnly to) =>
                Downloads.FileAsync(http, a => q.HandleAsync(a, new GetDossierRegister(unitId, from, to), http.RequestAborted),
                    async r => DossierRegisterQuery.Pdf(r, await Downloads.AgencyAsync(db, unitId, http.RequestAborted)), Downloads.Pdf,
                    $"so-theo-doi-{from:yyyyMMdd}-{to:yyyyMMdd}.pdf"))
            .Audited("register.export", "unit").WithName("DossierRegisterPdf").WithSummary("Tải sổ theo dõi hồ sơ (PDF, Mẫu 06)").ProducesFile(Downloads.Pdf);
    }
}
