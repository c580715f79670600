using Engine.Queries;
using Engine.Runtime;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>A system administrator cancels an open work item of a dossier (opened for the wrong unit or person, say).</summary>
public sealed record CancelWorkItem(Guid WorkItemId, string Actor, string? Reason);

/// <summary>Its path keeps waiting at the step with nothing open, until the administrator reopens the step or moves the path.</summary>
public sealed class CancelWorkItemHandler(ProceduresDb db, WorkflowRuntime engine, WorkItemQueries workItems, OfficialDirectory officials,
    CalendarProvider calendar, TimeProvider clock, DossierSettings settings)
{
    public async Task<DomainResult<WorkflowRepaired>> HandleAsync(CancelWorkItem request, CancellationToken ct = default)
    {
        if (WorkflowRepairRules.Reason(request.Reason) is { } noReason) return noReason;
        if (await workItems.GetAsync(request.WorkItemId, ct) is not { } item) return WorkflowRepairRules.NoSuchWorkItem;
        var opened = await DossierWork.OpenForRepairAsync(db, officials, calendar, clock, settings, item.InstanceId, request.Actor, ct);
        if (opened.Error is { } refused) return refused;
        await using var work = opened.Value!;
        var reason = request.Reason!.Trim();
        var cancelled = await engine.CancelWorkItemAsync(item.Id, work.Actor.UserName, reason, work.Transaction, ct);
        if (cancelled.Error is { } error)
            return WorkflowRepairRules.Refused(error, "công việc", "Quy trình của hồ sơ đã kết thúc nên không thể hủy công việc.");
        await work.ReloadWorkItemsAsync(ct);
        return await work.RepairedAsync(WorkflowRepairRules.Repaired, item.StepId, reason,
            new { repair = "cancel-work-item", workItem = item.Id, role = item.Role, unit = item.UnitId, assignee = item.Assignee }, null, ct);
    }
}
