using Api.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Procedures.Catalogue;

namespace Api.Admin;

public sealed record UpdateSectorRequest(string Name, string? NameEn = null);
public sealed record ActivationRequest(bool Active);

/// <summary>Sectors and procedures of the catalogue (the domain allows system admins).</summary>
public static class CatalogueAdminEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        var catalogue = admin.MapGroup("/catalogue").WithTags("Admin: catalogue");
        catalogue.MapPost("/sectors", (CreateSector r, HttpContext http, CreateSectorHandler h) => AdminActor.RunAsync(http, a => h.HandleAsync(a, r, http.RequestAborted)))
            .Audited("sector.create", "sector").WithName("CreateSector").WithSummary("Thêm lĩnh vực").AdminProblems();
        catalogue.MapPut("/sectors/{id:guid}", (Guid id, UpdateSectorRequest r, HttpContext http, UpdateSectorHandler h) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, new UpdateSector(id, r.Name, r.NameEn), http.RequestAborted)))
            .Audited("sector.update", "sector").WithName("UpdateSector").WithSummary("Sửa lĩnh vực").AdminProblems();
        catalogue.MapDelete("/sectors/{id:guid}", (Guid id, HttpContext http, DeleteSectorHandler h) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, new DeleteSector(id), http.RequestAborted)))
            .Audited("sector.delete", "sector").WithName("DeleteSector").WithSummary("Xóa lĩnh vực (khi không còn thủ tục)").AdminProblems();
        catalogue.MapPost("/procedures", (ProcedureDraft r, HttpContext http, CreateProcedureHandler h) => AdminActor.RunAsync(http, a => h.HandleAsync(a, r, http.RequestAborted)))
            .Audited("procedure.create", "procedure").WithName("CreateProcedure").WithSummary("Thêm thủ tục hành chính").AdminProblems();
        catalogue.MapPut("/procedures/{id:guid}", (Guid id, ProcedureDraft r, HttpContext http, UpdateProcedureHandler h) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, new UpdateProcedure(id, r), http.RequestAborted)))
            .Audited("procedure.update", "procedure").WithName("UpdateProcedure").WithSummary("Sửa thủ tục hành chính").AdminProblems();
        catalogue.MapPost("/procedures/{id:guid}/activation", (Guid id, ActivationRequest r, HttpContext http, DeactivateProcedureHandler h) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, new DeactivateProcedure(id, r.Active), http.RequestAborted)))
            .Audited("procedure.activation", "procedure").WithName("SetProcedureActive").WithSummary("Ngừng hoặc áp dụng lại thủ tục").AdminProblems();
        catalogue.MapGet("/procedures/{id:guid}", (Guid id, HttpContext http, ProcedureDetailQuery q) =>
                AdminActor.RunAsync(http, _ => q.HandleAsync(new GetProcedure(id, IncludeInactive: true), http.RequestAborted)))
            .WithName("GetProcedureForAdmin").WithSummary("Chi tiết thủ tục (kể cả đã ngừng)").AdminProblems();
        MapSupplementRules(admin, catalogue);
        TemplateFileEndpoints.MapUpload(catalogue);
    }

    /// <summary>The supplement rules: the province's defaults and a procedure's own values, effective on the next request.</summary>
    private static void MapSupplementRules(RouteGroupBuilder admin, RouteGroupBuilder catalogue)
    {
        var rules = admin.MapGroup("/supplement-rules").WithTags("Admin: catalogue");
        rules.MapGet("/", (HttpContext http, SupplementPolicies p) => AdminActor.RunAsync(http, async a =>
                a.IsSystemAdmin ? await p.DefaultsAsync(http.RequestAborted) : (Procedures.Common.DomainResult<SupplementDefaultsView>)Procedures.Organisation.AdminAccess.NotSystemAdmin()))
            .Audited("supplement-rules.read", "settings").WithName("GetSupplementDefaults")
            .WithSummary("Quy định bổ sung hồ sơ mặc định của tỉnh").AdminProblems();
        rules.MapPut("/", (UpdateSupplementDefaults r, HttpContext http, UpdateSupplementRulesHandler h) => AdminActor.RunAsync(http, a => h.HandleAsync(a, r, http.RequestAborted)))
            .Audited("supplement-rules.update", "settings").WithName("UpdateSupplementDefaults")
            .WithSummary("Sửa quy định bổ sung hồ sơ mặc định (số lần, thời hạn yêu cầu, thời hạn công dân bổ sung, xử lý khi quá hạn, căn cứ)").AdminProblems();
        catalogue.MapGet("/procedures/{id:guid}/supplement-rules", (Guid id, HttpContext http, SupplementPolicies p, UpdateSupplementRulesHandler h) =>
                AdminActor.RunAsync(http, async a => !a.IsSystemAdmin
                    ? Procedures.Organisation.AdminAccess.NotSystemAdmin()
                    : await h.ExistsAsync(id, http.RequestAborted) ? await p.ForProcedureAsync(id, http.RequestAborted)
                    : (Procedures.Common.DomainResult<ProcedureSupplementRulesView>)UpdateSupplementRulesHandler.NoProcedure()))
            .Audited("procedure.supplement-rules.read", "procedure").WithName("GetProcedureSupplementRules")
            .WithSummary("Quy định bổ sung hồ sơ của thủ tục (riêng và áp dụng)").AdminProblems();
        catalogue.MapPut("/procedures/{id:guid}/supplement-rules", (Guid id, SupplementRuleOverride r, HttpContext http, UpdateSupplementRulesHandler h) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, new SetProcedureSupplementRules(id, r), http.RequestAborted)))
            .Audited("procedure.supplement-rules.update", "procedure").WithName("SetProcedureSupplementRules")
            .WithSummary("Đặt quy định bổ sung hồ sơ riêng của thủ tục (trống: theo mặc định của tỉnh)").AdminProblems();
    }
}
