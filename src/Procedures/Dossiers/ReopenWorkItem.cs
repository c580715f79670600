using Engine.Queries;
using Engine.Runtime;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>A system administrator opens a step again whose work item was cancelled: a new item, due from now.</summary>
public sealed record ReopenWorkItem(Guid WorkItemId, string Actor, string? Reason);

/// <summary>The new item is applied as after any move: a consulted agency's step gets its consultation row with the new deadline.</summary>
public sealed class ReopenWorkItemHandler(ProceduresDb db, WorkflowRuntime engine, WorkItemQueries workItems, OfficialDirectory officials,
    CalendarProvider calendar, TimeProvider clock, DossierSettings settings)
{
    public async Task<DomainResult<WorkflowRepaired>> HandleAsync(ReopenWorkItem request, CancellationToken ct = default)
    {
        if (WorkflowRepairRules.Reason(request.Reason) is { } noReason) return noReason;
        if (await workItems.GetAsync(request.WorkItemId, ct) is not { } item) return WorkflowRepairRules.NoSuchWorkItem;
        var opened = await DossierWork.OpenForRepairAsync(db, officials, calendar, clock, settings, item.InstanceId, request.Actor, ct);
        if (opened.Error is { } refused) return refused;
        await using var work = opened.Value!;
        var reason = request.Reason!.Trim();
        var reopened = await work.AfterRepairAsync(await engine.ReopenWorkItemAsync(item.Id, work.Actor.UserName, reason, work.Transaction, ct),
            error => WorkflowRepairRules.Refused(error, "công việc", "Quy trình của hồ sơ đã kết thúc nên không thể mở lại công việc."), ct);
        if (reopened.Error is { } failed) return failed;
        return await work.RepairedAsync(WorkflowRepairRules.Repaired, item.StepId, reason,
            new { repair = "reopen-work-item", workItem = item.Id }, reopened.Value, ct);
    }
}
