using Engine.Definitions;
using Engine.Queries;
using Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>A dossier's workflow as the repair page and <c>GET /api/v1/admin/instances/{id}</c> show it.</summary>
public sealed class WorkflowRepairQueries(ProceduresDb db, InstanceQueries instances, WorkItemQueries workItems, DefinitionStore definitions)
{
    /// <summary>Null when there is no such instance.</summary>
    public async Task<WorkflowRepairView?> GetAsync(Guid instanceId, CancellationToken ct = default)
    {
        if (await instances.DetailAsync(instanceId, ct) is not { } detail) return null;
        var definition = await definitions.GetAsync(detail.Instance.DefinitionId, detail.Instance.Version, ct);
        var dossier = await db.Dossiers.AsNoTracking().Where(d => d.WorkflowInstanceId == instanceId)
            .Join(db.Procedures, d => d.ProcedureId, p => p.Id, (d, p) => new { d.Id, d.Code, d.Status, p.Name, d.ReceivingUnitId, d.ProcessingUnitId, d.Revision })
            .SingleOrDefaultAsync(ct);
        var cancelled = await CancelledAsync(detail, ct);
        var units = detail.OpenWorkItems.Select(w => w.UnitId).Concat(detail.Incidents.Select(i => i.UnitId)).Concat(cancelled.Select(c => c.UnitId))
            .Select(u => Guid.TryParse(u, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        if (dossier is not null) units.AddRange([dossier.ReceivingUnitId, dossier.ProcessingUnitId]);
        var names = await db.Units.AsNoTracking().Where(u => units.Contains(u.Id)).ToDictionaryAsync(u => u.Id.ToString(), u => u.Name, ct);
        return new WorkflowRepairView(
            detail with { History = detail.History.OrderByDescending(h => h.Id).ToList() },
            definition?.Title ?? detail.Instance.DefinitionId,
            dossier is null ? null : new RepairDossier(dossier.Id, dossier.Code, dossier.Status, dossier.Status.Vietnamese(), dossier.Status.English(),
                dossier.Name, dossier.ReceivingUnitId, dossier.ProcessingUnitId, dossier.Revision),
            definition?.Steps.Select(s => new RepairStep(s.Id, s.Title ?? s.Id, s.Kind.ToString(),
                s.Actions.Where(a => a.Title is not null).DistinctBy(a => a.Name).ToDictionary(a => a.Name, a => a.Title!))).ToList() ?? [],
            cancelled, names, WorkflowSuspension.Of(detail.Instance, detail.History));
    }

    /// <summary>
    /// The work items an operator cancelled and nobody reopened, from the history; reopenable while a path still waits at
    /// the step with nothing open and the instance has not ended.
    /// </summary>
    private async Task<IReadOnlyList<CancelledWorkItem>> CancelledAsync(InstanceDetail detail, CancellationToken ct)
    {
        var reopened = detail.History.Where(h => h.Kind == "WorkItemReopened").Select(h => h.WorkItemId).ToHashSet();
        var live = detail.Instance.Status is nameof(InstanceStatus.Running) or nameof(InstanceStatus.Suspended);
        var items = new List<CancelledWorkItem>();
        foreach (var h in detail.History.Where(h => h.Kind == "WorkItemCancelled" && h.WorkItemId is not null && !reopened.Contains(h.WorkItemId)))
        {
            if (await workItems.GetAsync(h.WorkItemId!.Value, ct) is not { } item) continue;
            var waiting = detail.Paths.Any(p => p.StepId == item.StepId && p.State == nameof(TokenState.Waiting) && !p.HasOpenWorkItem);
            items.Add(new CancelledWorkItem(item.Id, item.StepId, item.Role, item.UnitId, item.Assignee, h.At, h.Actor, h.Comment, live && waiting));
        }
        return items;
    }
}
