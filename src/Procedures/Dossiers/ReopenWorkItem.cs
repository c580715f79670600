using Engine.Queries;
using Procedures.Common;

namespace Procedures.Dossiers;

/// <summary>
/// A system administrator opens a step again whose work item was cancelled: a new item, due from now;
/// <paramref name="ExpectedRevision"/>: the dossier's revision the administrator saw (null: whatever it is now).
/// </summary>
public sealed record ReopenWorkItem(Guid WorkItemId, string Actor, string? Reason, int? ExpectedRevision = null);

/// <summary>The new item is applied as after any move: a consulted agency's step gets its consultation row with the new deadline.</summary>
public sealed class ReopenWorkItemHandler(DossierUseCase useCase, WorkItemQueries workItems)
{
    public Task<DomainResult<WorkflowRepaired>> HandleAsync(ReopenWorkItem request, CancellationToken ct = default) =>
        useCase.RepairWorkItemAsync(workItems, request.WorkItemId, request.Actor, request.Reason, request.ExpectedRevision, async (work, item, reason) =>
        {
            var reopened = await work.AfterRepairAsync(await useCase.Engine.ReopenWorkItemAsync(item.Id, work.Actor.UserName, reason, work.Transaction, ct),
                error => WorkflowRepairRules.Refused(error, "công việc", "Quy trình của hồ sơ đã kết thúc nên không thể mở lại công việc."), ct);
            return reopened.Error is { } failed ? failed
                : await work.RepairedAsync(WorkflowRepairRules.Repaired, item.StepId, reason, new { repair = "reopen-work-item", workItem = item.Id }, reopened.Value, ct);
        }, ct);
}
