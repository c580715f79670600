using Api.Accounts;
using Api.Audit;
using Api.Dossiers;
using Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Procedures.Common;
using Procedures.Dossiers;

namespace Api.Admin;

/// <summary>Which path to move (by the step it waits at, or its id) and where to.</summary>
public sealed record MovePathRequest(string? ToStepId, string? Reason, string? FromStepId = null, Guid? TokenId = null);

/// <summary>
/// A dossier's workflow as an operator repairs it: read it (paths, open work, timers, incidents, history), suspend or resume
/// it, move a path, cancel or reopen a work item, retry a timer. System administrators only; every change needs a reason and
/// is audited. The dossier's repairs are the dossier use cases (history row, consultations); a timer's retry is the engine's.
/// The read answers the dossier's revision as its <c>ETag</c>; a repair of the dossier sends it back as <c>If-Match</c>, as the
/// dossier's own endpoints do (optional, 412 with the current tag when stale), and answers the revision after it.
/// </summary>
public static class WorkflowRepairEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        var instances = admin.MapGroup("/instances").WithTags("Admin: workflow repair").RequireAuthorization(Policies.SystemAdministrator);
        instances.MapGet("/{id:guid}", async Task<Results<Ok<WorkflowRepairView>, ProblemHttpResult>> (Guid id, HttpContext http, WorkflowRepairQueries q) =>
                await q.GetAsync(id, http.RequestAborted) is { } view ? Answer(http, view) : Problem.From(http, WorkflowRepairRules.NoSuchWorkflow))
            .Audited("instance.read", "instance").WithName("GetWorkflowInstance").WithSummary("Quy trình của hồ sơ: các luồng, công việc, hẹn giờ, sự cố, lịch sử").AdminProblems();
        instances.MapPost("/{id:guid}/suspend", (Guid id, RepairRequest? body, HttpContext http, SuspendWorkflowHandler h, WorkflowRepairQueries q) =>
                RepairAsync(http, q, (actor, expected) => h.HandleAsync(new SuspendWorkflow(id, actor, body?.Reason, expected), http.RequestAborted)))
            .Audited("instance.suspend", "instance").WithName("SuspendWorkflowInstance").WithSummary("Tạm dừng quy trình của hồ sơ (nêu lý do)").RepairProblems();
        instances.MapPost("/{id:guid}/resume", (Guid id, RepairRequest? body, HttpContext http, ResumeWorkflowHandler h, WorkflowRepairQueries q) =>
                RepairAsync(http, q, (actor, expected) => h.HandleAsync(new ResumeWorkflow(id, actor, body?.Reason, expected), http.RequestAborted)))
            .Audited("instance.resume", "instance").WithName("ResumeWorkflowInstance").WithSummary("Cho quy trình của hồ sơ chạy tiếp (nêu lý do)").RepairProblems();
        instances.MapPost("/{id:guid}/move", (Guid id, MovePathRequest? body, HttpContext http, MoveWorkflowPathHandler h, WorkflowRepairQueries q) =>
                RepairAsync(http, q, (actor, expected) => h.HandleAsync(
                    new MoveWorkflowPath(id, actor, body?.ToStepId, body?.Reason, body?.FromStepId, body?.TokenId, expected), http.RequestAborted)))
            .Audited("instance.move", "instance").WithName("MoveWorkflowPath").WithSummary("Chuyển một luồng của quy trình đến bước khác (nêu lý do)").RepairProblems();

        var workItems = admin.MapGroup("/work-items").WithTags("Admin: workflow repair").RequireAuthorization(Policies.SystemAdministrator);
        workItems.MapPost("/{id:guid}/cancel", (Guid id, RepairRequest? body, HttpContext http, CancelWorkItemHandler h, WorkflowRepairQueries q) =>
                RepairAsync(http, q, (actor, expected) => h.HandleAsync(new CancelWorkItem(id, actor, body?.Reason, expected), http.RequestAborted)))
            .Audited("work-item.cancel", "work-item").WithName("CancelWorkItem").WithSummary("Hủy một công việc đang mở (nêu lý do)").RepairProblems();
        workItems.MapPost("/{id:guid}/reopen", (Guid id, RepairRequest? body, HttpContext http, ReopenWorkItemHandler h, WorkflowRepairQueries q) =>
                RepairAsync(http, q, (actor, expected) => h.HandleAsync(new ReopenWorkItem(id, actor, body?.Reason, expected), http.RequestAborted)))
            .Audited("work-item.reopen", "work-item").WithName("ReopenWorkItem").WithSummary("Mở lại bước có công việc đã hủy (nêu lý do)").RepairProblems();

        var timers = admin.MapGroup("/timers").WithTags("Admin: workflow repair").RequireAuthorization(Policies.SystemAdministrator);
        timers.MapPost("/{id:guid}/retry", async (Guid id, RepairRequest? body, HttpContext http, EngineRepairs repairs) =>
                Problem.Answer(http, await repairs.RetryTimerAsync(id, CurrentUser.Of(http).Name, body?.Reason, http.RequestAborted)))
            .Audited("timer.retry", "timer").WithName("RetryTimer").WithSummary("Thử lại hẹn giờ ngay (nêu lý do)").AdminProblems();
    }

    /// <summary>
    /// The repair as the signed-in administrator with the revision its <c>If-Match</c> expects (400 when unreadable), then the
    /// workflow as it now stands, read after the repair committed, with the dossier's new revision as the <c>ETag</c>; or the problem
    /// (412 with the current <c>ETag</c> when the expected revision is stale: nothing was repaired).
    /// </summary>
    private static async Task<Results<Ok<WorkflowRepairView>, ProblemHttpResult>> RepairAsync(HttpContext http, WorkflowRepairQueries q,
        Func<string, int?, Task<DomainResult<WorkflowRepaired>>> repair)
    {
        if (RevisionGuard.Read(http, out var expected) is { } badIfMatch) return badIfMatch;
        var done = await repair(CurrentUser.Of(http).Name, expected);
        if (done.Error is { } error) return Problem.From(http, error);
        http.Response.Headers.ETag = RevisionGuard.Tag(done.Value!.Dossier.Revision);
        return TypedResults.Ok((await q.GetAsync(done.Value.InstanceId, http.RequestAborted))!);
    }

    /// <summary>The workflow with its dossier's revision as the <c>ETag</c> (none for an instance without a dossier).</summary>
    private static Ok<WorkflowRepairView> Answer(HttpContext http, WorkflowRepairView view)
    {
        if (view.Dossier is { } dossier) http.Response.Headers.ETag = RevisionGuard.Tag(dossier.Revision);
        return TypedResults.Ok(view);
    }

    /// <summary>The problems a repair of a dossier's workflow may answer, for the OpenAPI document: the admin's, and 412 for a stale <c>If-Match</c>.</summary>
    private static RouteHandlerBuilder RepairProblems(this RouteHandlerBuilder builder) => builder.AdminProblems().ProducesProblem(412);
}
