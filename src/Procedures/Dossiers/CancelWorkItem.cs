using Engine.Queries;
using Procedures.Common;

namespace Procedures.Dossiers;

/// <summary>
/// A system administrator cancels an open work item of a dossier (opened for the wrong unit or person, say);
/// <paramref name="ExpectedRevision"/>: the dossier's revision the administrator saw (null: whatever it is now).
/// </summary>
public sealed record CancelWorkItem(Guid WorkItemId, string Actor, string? Reason, int? ExpectedRevision = null);

/// <summary>Its path keeps waiting at the step with nothing open, until the administrator reopens the step or moves the path.</summary>
public sealed class CancelWorkItemHandler(DossierUseCase useCase, WorkItemQueries workItems)
{
    public Task<DomainResult<WorkflowRepaired>> HandleAsync(CancelWorkItem request, CancellationToken ct = default) =>
        useCase.RepairWorkItemAsync(workItems, request.WorkItemId, request.Actor, request.Reason, request.ExpectedRevision, async (work, item, reason) =>
        {
            var cancelled = await useCase.Engine.CancelWorkItemAsync(item.Id, work.Actor.UserName, reason, work.Transaction, ct);
            if (cancelled.Error is { } error) return WorkflowRepairRules.Refused(error, "công việc", "Quy trình của hồ sơ đã kết thúc nên không thể hủy công việc.");
            await work.ReloadWorkItemsAsync(ct);
            return await work.RepairedAsync(WorkflowRepairRules.Repaired, item.StepId, reason,
                new { repair = "cancel-work-item", workItem = item.Id, role = item.Role, unit = item.UnitId, assignee = item.Assignee }, null, ct);
        }, ct);
}
