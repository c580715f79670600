using Engine.Runtime;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>A system administrator lets a suspended dossier's workflow run again, saying why it may.</summary>
public sealed record ResumeWorkflow(Guid InstanceId, string Actor, string? Reason);

/// <summary>The officials can act again and the timers that fell due meanwhile fire at the next poll.</summary>
public sealed class ResumeWorkflowHandler(ProceduresDb db, WorkflowRuntime engine, OfficialDirectory officials,
    CalendarProvider calendar, TimeProvider clock, DossierSettings settings)
{
    public async Task<DomainResult<WorkflowRepaired>> HandleAsync(ResumeWorkflow request, CancellationToken ct = default)
    {
        if (WorkflowRepairRules.Reason(request.Reason) is { } noReason) return noReason;
        var opened = await DossierWork.OpenForRepairAsync(db, officials, calendar, clock, settings, request.InstanceId, request.Actor, ct);
        if (opened.Error is { } refused) return refused;
        await using var work = opened.Value!;
        var reason = request.Reason!.Trim();
        var resumed = await engine.ResumeAsync(request.InstanceId, work.Actor.UserName, reason, null, work.Transaction, ct);
        if (resumed.Error is { } error)
            return WorkflowRepairRules.Refused(error, "quy trình của hồ sơ", "Quy trình của hồ sơ không tạm dừng nên không thể cho chạy tiếp.");
        var waiting = work.OpenItems.Select(w => w.StepId).Distinct().ToList();
        return await work.RepairedAsync(WorkflowRepairRules.Resumed, null, reason, new { waitingAt = waiting }, null, ct);
    }
}
