using Procedures.Common;

namespace Procedures.Dossiers;

/// <summary>
/// A system administrator pauses a dossier's workflow, with the reason the officials will see on the dossier;
/// <paramref name="ExpectedRevision"/>: the dossier's revision the administrator saw (null: whatever it is now).
/// </summary>
public sealed record SuspendWorkflow(Guid InstanceId, string Actor, string? Reason, int? ExpectedRevision = null);

/// <summary>
/// While suspended, the officials' actions on the dossier are refused and its timers wait; the dossier page says why.
/// Its status (portal code) does not change: the citizen's dossier is still being processed.
/// </summary>
public sealed class SuspendWorkflowHandler(DossierUseCase useCase)
{
    public Task<DomainResult<WorkflowRepaired>> HandleAsync(SuspendWorkflow request, CancellationToken ct = default) =>
        useCase.ChangeWorkflowStatusAsync(request.InstanceId, request.Actor, request.Reason, request.ExpectedRevision, WorkflowRepairRules.Suspended,
            (id, actor, reason, tx) => useCase.Engine.SuspendAsync(id, actor, reason, null, tx, ct),
            "Quy trình của hồ sơ không đang chạy (đã tạm dừng hoặc đã kết thúc) nên không thể tạm dừng.", ct);
}
