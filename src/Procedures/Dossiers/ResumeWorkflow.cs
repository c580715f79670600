using Procedures.Common;

namespace Procedures.Dossiers;

/// <summary>
/// A system administrator lets a suspended dossier's workflow run again, saying why it may; <paramref name="ExpectedRevision"/>:
/// the dossier's revision the administrator saw (null: whatever it is now).
/// </summary>
public sealed record ResumeWorkflow(Guid InstanceId, string Actor, string? Reason, int? ExpectedRevision = null);

/// <summary>The officials can act again and the timers that fell due meanwhile fire at the next poll.</summary>
public sealed class ResumeWorkflowHandler(DossierUseCase useCase)
{
    public Task<DomainResult<WorkflowRepaired>> HandleAsync(ResumeWorkflow request, CancellationToken ct = default) =>
        useCase.ChangeWorkflowStatusAsync(request.InstanceId, request.Actor, request.Reason, request.ExpectedRevision, WorkflowRepairRules.Resumed,
            (id, actor, reason, tx) => useCase.Engine.ResumeAsync(id, actor, reason, null, tx, ct),
            "Quy trình của hồ sơ không tạm dừng nên không thể cho chạy tiếp.", ct);
}
