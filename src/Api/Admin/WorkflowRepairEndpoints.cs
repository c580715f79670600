using Api.Accounts;
using Api.Audit;
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
/// </summary>
public static class WorkflowRepairEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        var instances = admin.MapGroup("/instances").WithTags("Admin: workflow repair").RequireAuthorization(Policies.SystemAdministrator);
        instances.MapGet("/{id:guid}", async Task<Results<Ok<WorkflowRepairView>, ProblemHttpResult>> (Guid id, HttpContext http, WorkflowRepairQueries q) =>
                await q.GetAsync(id, http.RequestAborted) is { } view ? TypedResults.Ok(view) : Problem.From(http, WorkflowRepairRules.NoSuchWorkflow))
            .Audited("instance.read", "instance").WithName("GetWorkflowInstance").WithSummary("Quy trình của hồ sơ: các luồng, công việc, hẹn giờ, sự cố, lịch sử").AdminProblems();
        instances.MapPost("/{id:guid}/suspend", async (Guid id, RepairRequest? body, HttpContext http, SuspendWorkflowHandler h, WorkflowRepairQueries q) =>
                await AnswerAsync(http, q, await h.HandleAsync(new SuspendWorkflow(id, CurrentUser.Of(http).Name, body?.Reason), http.RequestAborted)))
            .Audited("instance.suspend", "instance").WithName("SuspendWorkflowInstance").WithSummary("Tạm dừng quy trình của hồ sơ (nêu lý do)").AdminProblems();
        instances.MapPost("/{id:guid}/resume", async (Guid id, RepairRequest? body, HttpContext http, ResumeWorkflowHandler h, WorkflowRepairQueries q) =>
                await AnswerAsync(http, q, await h.HandleAsync(new ResumeWorkflow(id, CurrentUser.Of(http).Name, body?.Reason), http.RequestAborted)))
            .Audited("instance.resume", "instance").WithName("ResumeWorkflowInstance").WithSummary("Cho quy trình của hồ sơ chạy tiếp (nêu lý do)").AdminProblems();
        instances.MapPost("/{id:guid}/move", async (Guid id, MovePathRequest? body, HttpContext http, MoveWorkflowPathHandler h, WorkflowRepairQueries q) =>
                await AnswerAsync(http, q, await h.HandleAsync(
                    new MoveWorkflowPath(id, CurrentUser.Of(http).Name, body?.ToStepId, body?.Reason, body?.FromStepId, body?.TokenId), http.RequestAborted)))
            .Audited("instance.move", "instance").WithName("MoveWorkflowPath").WithSummary("Chuyển một luồng của quy trình đến bước khác (nêu lý do)").AdminProblems();

        var workItems = admin.MapGroup("/work-items").WithTags("Admin: workflow repair").RequireAuthorization(Policies.SystemAdministrator);
        workItems.MapPost("/{id:guid}/cancel", async (Guid id, RepairRequest? body, HttpContext http, CancelWorkItemHandler h, WorkflowRepairQueries q) =>
                await AnswerAsync(http, q, await h.HandleAsync(new CancelWorkItem(id, CurrentUser.Of(http).Name, body?.Reason), http.RequestAborted)))
            .Audited("work-item.cancel", "work-item").WithName("CancelWorkItem").WithSummary("Hủy một công việc đang mở (nêu lý do)").AdminProblems();
        workItems.MapPost("/{id:guid}/reopen", async (Guid id, RepairRequest? body, HttpContext http, ReopenWorkItemHandler h, WorkflowRepairQueries q) =>
                await AnswerAsync(http, q, await h.HandleAsync(new ReopenWorkItem(id, CurrentUser.Of(http).Name, body?.Reason), http.RequestAborted)))
            .Audited("work-item.reopen", "work-item").WithName("ReopenWorkItem").WithSummary("Mở lại bước có công việc đã hủy (nêu lý do)").AdminProblems();

        var timers = admin.MapGroup("/timers").WithTags("Admin: workflow repair").RequireAuthorization(Policies.SystemAdministrator);
        timers.MapPost("/{id:guid}/retry", async (Guid id, RepairRequest? body, HttpContext http, EngineRepairs repairs) =>
                Problem.Answer(http, await repairs.RetryTimerAsync(id, CurrentUser.Of(http).Name, body?.Reason, http.RequestAborted)))
            .Audited("timer.retry", "timer").WithName("RetryTimer").WithSummary("Thử lại hẹn giờ ngay (nêu lý do)").AdminProblems();
    }

    /// <summary>The repaired workflow as it now stands, read after the repair committed.</summary>
    private static async Task<Results<Ok<WorkflowRepairView>, ProblemHttpResult>> AnswerAsync(HttpContext http, WorkflowRepairQueries q,
        DomainResult<WorkflowRepaired> done) =>
        done.Error is { } error ? Problem.From(http, error) : TypedResults.Ok((await q.GetAsync(done.Value!.InstanceId, http.RequestAborted))!);
}
