using Api.Accounts;
using Api.Audit;
using Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Procedures.Common;
using Procedures.Dossiers;

namespace Api.Admin;

/// <summary>The body of every repair: why, for the dossier's history and the audit log.</summary>
public sealed record RepairRequest(string? Reason);

/// <summary>
/// Incidents of the workflows (timers, deadline rules and handler calls that failed every attempt): listed by status,
/// definition, unit and age; retried or resolved with a reason. System administrators only. Retrying and resolving are
/// the engine's own operations, recorded in the instance's history and here in the audit log.
/// </summary>
public static class IncidentAdminEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        var incidents = admin.MapGroup("/incidents").WithTags("Admin: workflow repair").RequireAuthorization(Policies.SystemAdministrator);
        incidents.MapGet("/", async (HttpContext http, IncidentQueries q, string? status, string? definitionId, Guid? unitId, int? olderThanHours, int? skip, int? take) =>
                Problem.Answer(http, await q.ListAsync(new IncidentQuery(status, definitionId, unitId, olderThanHours, skip ?? 0, take ?? 50), http.RequestAborted)))
            .WithName("ListIncidents").WithSummary("Sự cố quy trình (lọc theo trạng thái, quy trình, đơn vị, thời gian tồn tại; có phân trang)").AdminProblems();
        incidents.MapGet("/{id:guid}", async Task<Results<Ok<IncidentRow>, ProblemHttpResult>> (Guid id, HttpContext http, IncidentQueries q) =>
                await q.GetAsync(id, http.RequestAborted) is { } row ? TypedResults.Ok(row) : Problem.From(http, NoSuchIncident))
            .WithName("GetIncident").WithSummary("Chi tiết sự cố quy trình").AdminProblems();
        incidents.MapPost("/{id:guid}/retry", async (Guid id, RepairRequest? body, HttpContext http, EngineRepairs repairs) =>
                Problem.Answer(http, await repairs.RetryIncidentAsync(id, CurrentUser.Of(http).Name, body?.Reason, http.RequestAborted)))
            .Audited("incident.retry", "incident").WithName("RetryIncident").WithSummary("Thử lại sự cố ngay (nêu lý do)").AdminProblems();
        incidents.MapPost("/{id:guid}/resolve", async (Guid id, RepairRequest? body, HttpContext http, EngineRepairs repairs) =>
                Problem.Answer(http, await repairs.ResolveIncidentAsync(id, CurrentUser.Of(http).Name, body?.Reason, http.RequestAborted)))
            .Audited("incident.resolve", "incident").WithName("ResolveIncident").WithSummary("Đóng sự cố (đã xử lý thủ công; nêu lý do)").AdminProblems();
    }

    private static readonly DomainError NoSuchIncident = DomainError.NotFound("incident", "sự cố") with { Field = "id" };
}
