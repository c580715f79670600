using Engine.Runtime;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>A system administrator pauses a dossier's workflow, with the reason the officials will see on the dossier.</summary>
public sealed record SuspendWorkflow(Guid InstanceId, string Actor, string? Reason);

/// <summary>
/// While suspended, the officials' actions on the dossier are refused and its timers wait; the dossier page says why.
/// Its status (portal code) does not change: the citizen's dossier is still being processed.
/// </summary>
public sealed class SuspendWorkflowHandler(ProceduresDb db, WorkflowRuntime engine, OfficialDirectory officials,
    CalendarProvider calendar, TimeProvider clock, DossierSettings settings)
{
    public async Task<DomainResult<WorkflowRepaired>> HandleAsync(SuspendWorkflow request, CancellationToken ct = default)
    {
        if (WorkflowRepairRules.Reason(request.Reason) is { } noReason) return noReason;
        var opened = await DossierWork.OpenForRepairAsync(db, officials, calendar, clock, settings, request.InstanceId, request.Actor, ct);
        if (opened.Error is { } refused) return refused;
        await using var work = opened.Value!;
        var reason = request.Reason!.Trim();
        var suspended = await engine.SuspendAsync(request.InstanceId, work.Actor.UserName, reason, null, work.Transaction, ct);
        if (suspended.Error is { } error)
            return WorkflowRepairRules.Refused(error, "quy trình của hồ sơ", "Quy trình của hồ sơ không đang chạy (đã tạm dừng hoặc đã kết thúc) nên không thể tạm dừng.");
        var waiting = work.OpenItems.Select(w => w.StepId).Distinct().ToList();
        return await work.RepairedAsync(WorkflowRepairRules.Suspended, null, reason, new { waitingAt = waiting }, null, ct);
    }
}
