using Engine.Queries;
using Engine.Runtime;
using Npgsql;
using Procedures.Common;

namespace Procedures.Dossiers;

public sealed partial class DossierUseCase
{
    /// <summary>
    /// Suspends or resumes a dossier's workflow (<paramref name="change"/>: the engine's call with the instance, actor, reason and
    /// transaction), refused with <paramref name="notNow"/> when the workflow is not in the state for it; recorded as <paramref name="kind"/>
    /// with the steps it waits at.
    /// </summary>
    internal Task<DomainResult<WorkflowRepaired>> ChangeWorkflowStatusAsync(Guid instanceId, string actor, string? reason, int? expectedRevision,
        string kind, Func<Guid, string, string, NpgsqlTransaction, Task<EngineResult<TransitionResult>>> change, string notNow, CancellationToken ct) =>
        RepairAsync(actor, reason, expectedRevision, () => Task.FromResult<DomainResult<Guid>>(instanceId), async (work, why) =>
        {
            var changed = await change(instanceId, work.Actor.UserName, why, work.Transaction);
            if (changed.Error is { } error) return WorkflowRepairRules.Refused(error, "quy trình của hồ sơ", notNow);
            var waiting = work.OpenItems.Select(w => w.StepId).Distinct().ToList();
            return await work.RepairedAsync(kind, null, why, new { waitingAt = waiting }, null, ct);
        }, ct);

    /// <summary>A repair of one work item of a dossier's workflow: the item found (NotFound otherwise), then as <see cref="RepairAsync"/>.</summary>
    internal async Task<DomainResult<WorkflowRepaired>> RepairWorkItemAsync(WorkItemQueries workItems, Guid workItemId, string actor, string? reason,
        int? expectedRevision, Func<DossierWork, WorkItemView, string, Task<DomainResult<WorkflowRepaired>>> repair, CancellationToken ct)
    {
        WorkItemView? item = null;
        return await RepairAsync(actor, reason, expectedRevision,
            async () => (item = await workItems.GetAsync(workItemId, ct)) is { } found ? found.InstanceId : WorkflowRepairRules.NoSuchWorkItem,
            (work, why) => repair(work, item!, why), ct);
    }
}
