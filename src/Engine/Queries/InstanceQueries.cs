using Engine.Persistence;
using Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Engine.Queries;

public sealed record HistoryEntry(long Id, DateTimeOffset At, string Kind, string? Actor, string? FromStep, string? ToStep,
    string? Action, string? Comment, Guid? WorkItemId, string? Data);

public sealed record InstanceSummary(Guid Id, string DefinitionId, int Version, string? BusinessKey, string Status, string? Outcome,
    int Revision, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? CompletedAt);

public sealed record InstanceView(InstanceSummary Instance, string Variables, IReadOnlyList<WorkItemView> OpenWorkItems, IReadOnlyList<HistoryEntry> History);

/// <summary>A path of the instance: where it waits, in which branches, and whether a work item is open for it.</summary>
public sealed record PathView(Guid Id, string StepId, string State, IReadOnlyList<string> Branches, DateTimeOffset? BranchDueAt, bool HasOpenWorkItem);

/// <summary>A timer, deadline rule or handler call not yet done (or failed), as an operator sees it.</summary>
public sealed record TimerView(Guid Id, string Kind, string StepId, Guid? WorkItemId, DateTimeOffset DueAt, DateTimeOffset NextAttemptAt,
    int Attempts, string? LastError, string Status);

/// <summary>Everything an operator needs to repair an instance: its paths, open work, timers, incidents and history.</summary>
public sealed record InstanceDetail(InstanceSummary Instance, string Variables, IReadOnlyList<PathView> Paths, IReadOnlyList<WorkItemView> OpenWorkItems,
    IReadOnlyList<TimerView> Timers, IReadOnlyList<Incidents.IncidentView> Incidents, IReadOnlyList<HistoryEntry> History);

public sealed class InstanceQueries
{
    private readonly EngineDb db;

    /// <summary>Made by the engine's registration (<c>AddWorkflowEngine</c>): its database context is its own.</summary>
    internal InstanceQueries(EngineDb db) => this.db = db;

    public async Task<InstanceView?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var instance = await db.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (instance is null) return null;
        var open = await OpenWorkItemsAsync(id, ct);
        var history = await HistoryAsync(id, ct);
        return new InstanceView(Summary(instance), instance.Variables, open, history);
    }

    /// <summary>The instance as an operator repairs it; null when there is no such instance.</summary>
    public async Task<InstanceDetail?> DetailAsync(Guid id, CancellationToken ct = default)
    {
        var instance = await db.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (instance is null) return null;
        var open = await OpenWorkItemsAsync(id, ct);
        var timers = await db.Timers.AsNoTracking().Where(t => t.InstanceId == id && (t.Status == "Pending" || t.Status == "Failed"))
            .OrderBy(t => t.NextAttemptAt)
            .Select(t => new TimerView(t.Id, t.Kind, t.StepId, t.WorkItemId, t.DueAt, t.NextAttemptAt, t.Attempts, t.LastError, t.Status)).ToListAsync(ct);
        var (incidents, _) = await Incidents.Incidents.ListAsync(db, new Incidents.IncidentFilter { InstanceId = id, Take = 100 }, ct);
        var paths = System.Text.Json.JsonSerializer.Deserialize<List<Runtime.Token>>(instance.Tokens, Runtime.JsonDefaults.Options)!
            .Select(t => new PathView(t.Id, t.StepId, t.State.ToString(), t.Scopes.Select(s => $"{s.SplitStepId}/{s.Branch}").ToList(), t.BranchDueAt,
                open.Any(w => w.TokenId == t.Id))).ToList();
        return new InstanceDetail(Summary(instance), instance.Variables, paths, open, timers, incidents, await HistoryAsync(id, ct));
    }

    /// <summary>The instance's open work items, oldest first: for callers that need only these, one query instead of three.</summary>
    public async Task<IReadOnlyList<WorkItemView>> OpenWorkItemsAsync(Guid instanceId, CancellationToken ct = default) =>
        await db.WorkItems.AsNoTracking().Where(w => w.InstanceId == instanceId && w.Status == "Open").OrderBy(w => w.CreatedAt)
            .Select(w => new WorkItemView(w.Id, w.InstanceId, w.DefinitionId, w.BusinessKey, w.StepId, w.Title, w.Role, w.UnitId,
                w.Assignee, w.ClaimedBy, w.Branch, w.CreatedAt, w.DueAt, w.Revision) { TokenId = w.TokenId }).ToListAsync(ct);

    /// <summary>The title of each step the instance has opened work at (the first title when they differ), by step id.</summary>
    public async Task<IReadOnlyDictionary<string, string>> StepTitlesAsync(Guid instanceId, CancellationToken ct = default)
    {
        var titles = await db.WorkItems.AsNoTracking().Where(w => w.InstanceId == instanceId && w.Title != null)
            .Select(w => new { w.StepId, w.Title }).Distinct().ToListAsync(ct);
        return titles.DistinctBy(t => t.StepId).ToDictionary(t => t.StepId, t => t.Title!);
    }

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

    /// <summary>Running or suspended instances of a workflow, per version: what stays on its version when a newer one is published.</summary>
    public async Task<IReadOnlyDictionary<int, int>> ActiveCountsAsync(string definitionId, CancellationToken ct = default) =>
        await db.Instances.AsNoTracking().Where(i => i.DefinitionId == definitionId
                && (i.Status == nameof(InstanceStatus.Running) || i.Status == nameof(InstanceStatus.Suspended)))
            .GroupBy(i => i.DefinitionVersion).Select(g => new { Version = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Version, g => g.Count, ct);

    private static InstanceSummary Summary(InstanceRecord i) => new(i.Id, i.DefinitionId, i.DefinitionVersion, i.BusinessKey, i.Status,
        i.Outcome, i.Revision, i.CreatedAt, i.UpdatedAt, i.CompletedAt);
}
