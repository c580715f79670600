using Api.Accounts;
using Api.Admin;
using Api.Audit;
using Procedures.Persistence;
using Procedures.Quality;

namespace Api.Statistics;

public sealed record QualityPolicyRequest(string Text, string ApprovedBy, DateOnly ApprovedOn);
public sealed record AuditFindingRequest(string Clause, string Description, FindingKind Kind, DateOnly? DueOn = null);
public sealed record AuditCompletionRequest(DateOnly DoneOn, string Summary);
public sealed record CorrectiveActionRequest(string Cause, string CorrectiveAction, string Owner, DateOnly DueOn);
public sealed record VerificationRequest(bool Effective, string Note);

/// <summary>
/// The ISO 9001 records: quality policy and objectives (targets against the statistics), document control, internal
/// audits and findings, nonconformities through corrective action to closure, management reviews; each list
/// searchable and exported to Excel. Any official reads the records of their units' subtrees; leaders, deputies,
/// section heads and unit admins of the unit or above write them (the domain answers 403 to others, 404 outside the
/// branch). Citizens and anonymous callers are refused.
/// </summary>
public static class QualityEndpoints
{
    public static void Map(WebApplication app)
    {
        var quality = app.MapGroup("/api/v1/quality").WithTags("Quality records").RequireAuthorization(Policies.Official);
        MapObjectives(quality);
        MapDocuments(quality);
        QualityAuditEndpoints.Map(quality);
    }

    private static void MapObjectives(RouteGroupBuilder quality)
    {
        quality.MapPut("/policy/{id:guid}", (Guid id, QualityPolicyRequest r, HttpContext http, QualityObjectivesHandler h) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, new SetQualityPolicy(id, r.Text, r.ApprovedBy, r.ApprovedOn), http.RequestAborted)))
            .Audited("quality.policy", "unit").WithName("SetQualityPolicy").WithSummary("Ban hành chính sách chất lượng của đơn vị (phiên bản mới)").AdminProblems();
        quality.MapPost("/objectives", (SetQualityObjective r, HttpContext http, QualityObjectivesHandler h) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, r, http.RequestAborted)))
            .Audited("quality.objective", "unit").WithName("SetQualityObjective").WithSummary("Đặt mục tiêu chất lượng (chỉ tiêu đo được)").AdminProblems();
        quality.MapGet("/objectives", (HttpContext http, QualityObjectivesHandler h, Guid unitId, int year) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, new TrackObjectives(unitId, year), http.RequestAborted)))
            .WithName("TrackQualityObjectives").WithSummary("Mục tiêu chất lượng: chỉ tiêu và kết quả thực tế từ số liệu thống kê").StatisticsProblems();
        quality.MapGet("/objectives.xlsx", (HttpContext http, QualityObjectivesHandler h, ProceduresDb db, Guid unitId, int year) =>
                Downloads.FileAsync(http, a => h.HandleAsync(a, new TrackObjectives(unitId, year), http.RequestAborted),
                    async r => QualityExports.Objectives(await Downloads.UnitNameAsync(db, unitId, http.RequestAborted), r), Downloads.Excel, $"muc-tieu-{year}.xlsx"))
            .WithName("QualityObjectivesExcel").WithSummary("Tải mục tiêu chất lượng (Excel)").ProducesFile(Downloads.Excel);
    }

    private static void MapDocuments(RouteGroupBuilder quality)
    {
        quality.MapPost("/documents", (RecordControlledDocument r, HttpContext http, ControlledDocumentsHandler h) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, r, http.RequestAborted)))
            .Audited("quality.document", "unit").WithName("RecordControlledDocument").WithSummary("Ghi nhận tài liệu được kiểm soát (phiên bản, hiệu lực, người duyệt)").AdminProblems();
        quality.MapGet("/documents", (HttpContext http, ControlledDocumentsHandler h, Guid unitId, string? text = null, bool currentOnly = false) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, new ListDocumentRegister(unitId, text, currentOnly), http.RequestAborted)))
            .WithName("DocumentRegister").WithSummary("Danh mục tài liệu: tài liệu của đơn vị, quy trình đã ban hành, biểu mẫu").StatisticsProblems();
        quality.MapGet("/documents.xlsx", (HttpContext http, ControlledDocumentsHandler h, ProceduresDb db, Guid unitId, string? text = null, bool currentOnly = false) =>
                Downloads.FileAsync(http, a => h.HandleAsync(a, new ListDocumentRegister(unitId, text, currentOnly), http.RequestAborted),
                    async r => QualityExports.DocumentRegister(await Downloads.UnitNameAsync(db, unitId, http.RequestAborted), r), Downloads.Excel, "tai-lieu.xlsx"))
            .WithName("DocumentRegisterExcel").WithSummary("Tải danh mục tài liệu (Excel)").ProducesFile(Downloads.Excel);
    }
}
