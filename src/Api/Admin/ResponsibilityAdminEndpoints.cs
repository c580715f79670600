using Api.Audit;
using Procedures.Responsibilities;

namespace Api.Admin;

/// <summary>Phân quyền phụ trách: a unit admin puts a section or an official in charge of a sector or procedure (the domain checks the subtree).</summary>
public static class ResponsibilityAdminEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("").WithTags("Admin: responsibilities");
        group.MapGet("/units/{id:guid}/responsibilities", (Guid id, HttpContext http, ResponsibilityQueries q, DateOnly? on) =>
                AdminActor.RunAsync(http, a => q.HandleAsync(a, new ListResponsibilities(id, on), http.RequestAborted)))
            .Audited("responsibility.read", "unit").WithName("UnitResponsibilities").WithSummary("Phân quyền phụ trách lĩnh vực, thủ tục của đơn vị")
            .WithDescription("Sections and officials in charge of sectors or procedures of the unit; those in effect on `on` when given.").AdminProblems();
        group.MapPost("/responsibilities", (AssignResponsibility r, HttpContext http, AssignResponsibilityHandler h) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, r, http.RequestAborted)))
            .Audited("responsibility.assign", "responsibility").WithName("AssignResponsibility").WithSummary("Giao phòng, ban hoặc cán bộ phụ trách lĩnh vực, thủ tục")
            .WithDescription("From `effectiveFrom` (today when absent) to `effectiveTo`; the unit's dossiers of the sector or procedure received in that period are routed to the holder.")
            .AdminProblems();
        group.MapPost("/responsibilities/{id:guid}/end", (Guid id, EndRequest r, HttpContext http, EndResponsibilityHandler h) =>
                AdminActor.RunAsync(http, a => h.HandleAsync(a, new EndResponsibility(id, r.EffectiveTo), http.RequestAborted)))
            .Audited("responsibility.end", "responsibility").WithName("EndResponsibility").WithSummary("Kết thúc phân công phụ trách").AdminProblems();
    }
}
