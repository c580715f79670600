using Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Engine.Queries;

public sealed record HistoryEntry(long Id, DateTimeOffset At, string Kind, string? Actor, string? FromStep, string? ToStep,
    string? Action, string? Comment, Guid? WorkItemId, string? Data);

public sealed record InstanceSummary(Guid Id, string DefinitionId, int Version, string? BusinessKey, string Status, string? Outcome,
    int Revision, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? CompletedAt);

public sealed record InstanceView(InstanceSummary Instance, string Variables, IReadOnlyList<WorkItemView> OpenWorkItems, IReadOnlyList<HistoryEntry> History);

public sealed class InstanceQueries(EngineDb db)
{
    public async Task<InstanceView?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var instance = await db.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (instance is null) return null;
        var open = await OpenWorkItemsAsync(id, ct);
        var history = await HistoryAsync(id, ct);
        return new InstanceView(Summary(instance), instance.Variables, open, history);
    }

    /// <summary>The instance's open work items, oldest first: for callers that need only these, one query instead of three.</summary>
    public async Task<IReadOnlyList<WorkItemView>> OpenWorkItemsAsync(Guid instanceId, CancellationToken ct = default) =>
        await db.WorkItems.AsNoTracking().Where(w => w.InstanceId == instanceId && w.Status == "Open").OrderBy(w => w.CreatedAt)
            .Select(w => new WorkItemView(w.Id, w.InstanceId, w.DefinitionId, w.BusinessKey, w.StepId, w.Title, w.Role, w.UnitId,
                w.Assignee, w.ClaimedBy, w.Branch, w.CreatedAt, w.DueAt, w.Revision)).ToListAsync(ct);

    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(Guid instanceId, CancellationToken ct = default) =>
        await db.History.AsNoTracking().Where(h => h.InstanceId == instanceId).OrderBy(h => h.Id)
            .Select(h => new HistoryEntry(h.Id, h.At, h.Kind, h.Actor, h.FromStep, h.ToStep, h.Action, h.Comment, h.WorkItemId, h.Data))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<InstanceSummary>> ListAsync(string? definitionId = null, int? version = null, string? status = null,
        int skip = 0, int take = 50, CancellationToken ct = default)
    {
        var q = db.Instances.AsNoTracking();
        if (definitionId is not null) q = q.Where(i => i.DefinitionId == definitionId);
        if (version is not null) q = q.Where(i => i.DefinitionVersion == version);
        if (status is not null) q = q.Where(i => i.Status == status);
        return (await q.OrderByDescending(i => i.CreatedAt).Skip(skip).Take(take).ToListAsync(ct)).Select(Summary).ToList();
    }

    private static InstanceSummary Summary(InstanceRecord i) => new(i.Id, i.DefinitionId, i.DefinitionVersion, i.BusinessKey, i.Status,
        i.Outcome, i.Revision, i.CreatedAt, i.UpdatedAt, i.CompletedAt);
}
