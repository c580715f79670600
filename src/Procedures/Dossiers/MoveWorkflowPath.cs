using Engine.Runtime;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>
/// A system administrator moves one path of a dossier's workflow to <paramref name="ToStepId"/> (a stuck step, a step
/// taken by mistake); <paramref name="FromStepId"/> or <paramref name="TokenId"/> says which path when there are several;
/// <paramref name="ExpectedRevision"/>: the dossier's revision the administrator saw (null: whatever it is now).
/// </summary>
public sealed record MoveWorkflowPath(Guid InstanceId, string Actor, string? ToStepId, string? Reason, string? FromStepId = null, Guid? TokenId = null,
    int? ExpectedRevision = null);

/// <summary>
/// The engine cancels the path's open work and enters the target step as if an action had led there; what that opens is
/// applied as after any move (a consulted agency's step gets its consultation row, the result ready sets Finished).
/// </summary>
public sealed class MoveWorkflowPathHandler(DossierUseCase useCase)
{
    public async Task<DomainResult<WorkflowRepaired>> HandleAsync(MoveWorkflowPath request, CancellationToken ct = default)
    {
        if (Required.Text(request.ToStepId, "toStepId", "bước cần chuyển đến", "The step to move to") is { } noTarget) return noTarget;
        return await useCase.RepairAsync(request.Actor, request.Reason, request.ExpectedRevision, () => Task.FromResult<DomainResult<Guid>>(request.InstanceId), async (work, reason) =>
        {
            var to = request.ToStepId!.Trim();
            var from = string.IsNullOrWhiteSpace(request.FromStepId) ? null : request.FromStepId.Trim();
            var result = await useCase.Engine.MoveTokenAsync(new MoveToken(request.InstanceId, to, work.Actor.UserName, reason, from, request.TokenId), work.Transaction, ct);
            if (result.Value is { Status: InstanceStatus.Completed or InstanceStatus.Cancelled }) return WorkflowRepairRules.EndsWorkflow;
            var moved = await work.AfterRepairAsync(result, error => WorkflowRepairRules.Refused(error, "quy trình của hồ sơ",
                "Quy trình của hồ sơ đã kết thúc nên không thể chuyển bước."), ct);
            if (moved.Error is { } failed) return failed;
            work.MarkProcessing();
            var left = await EngineRows.LastMovedFromAsync(work.Transaction, request.InstanceId, ct);
            return await work.RepairedAsync(WorkflowRepairRules.Repaired, left, reason, new { repair = "move", from = left, to }, moved.Value, ct);
        }, ct);
    }
}
