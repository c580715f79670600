using Engine.Persistence;
using Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Engine.Queries;

/// <summary>Which open work items to list. All filters combine; every query touches only the partial indexes on open work.</summary>
public sealed record WorkItemFilter
{
    /// <summary>Items assigned to or claimed by this user.</summary>
    public string? User { get; init; }
    /// <summary>Unclaimed, unassigned items for any of these roles (the role queue).</summary>
    public IReadOnlyCollection<string>? Roles { get; init; }
    /// <summary>Only items of these units.</summary>
    public IReadOnlyCollection<string>? Units { get; init; }
    public string? DefinitionId { get; init; }
    /// <summary>Due before this instant (and not yet overdue when <see cref="OverdueOnly"/> is false and this is set with <see cref="Now"/>).</summary>
    public DateTimeOffset? DueBefore { get; init; }
    public bool OverdueOnly { get; init; }
    public DateTimeOffset? Now { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 50;
}

public sealed record WorkItemView(
    Guid Id, Guid InstanceId, string DefinitionId, string? BusinessKey, string StepId, string? Title, string Role, string? UnitId,
    string? Assignee, string? ClaimedBy, string? Branch, DateTimeOffset CreatedAt, DateTimeOffset? DueAt, int Revision)
{
    /// <summary>The path the item belongs to (see <see cref="InstanceDetail.Paths"/>); read by the instance detail only.</summary>
    public Guid? TokenId { get; init; }
}

public sealed class WorkItemQueries
{
    private readonly EngineDb db;
    private readonly TimeProvider clock;

    /// <summary>Made by the engine's registration (<c>AddWorkflowEngine</c>): its database context is its own.</summary>
    internal WorkItemQueries(EngineDb db, TimeProvider clock) =>
        (this.db, this.clock) = (db, clock);

    public async Task<(IReadOnlyList<WorkItemView> Items, int Total)> ListAsync(WorkItemFilter filter, CancellationToken ct = default)
    {
        var now = (filter.Now ?? clock.GetUtcNow()).ToUniversalTime();
        var q = db.WorkItems.AsNoTracking().Where(w => w.Status == nameof(WorkItemStatus.Open));
        if (filter.User is { } user) q = q.Where(w => w.Assignee == user || w.ClaimedBy == user);
        if (filter.Roles is { } roles) q = q.Where(w => roles.Contains(w.Role) && w.Assignee == null && w.ClaimedBy == null);
        if (filter.Units is { } units) q = q.Where(w => w.UnitId != null && units.Contains(w.UnitId));
        if (filter.DefinitionId is { } definitionId) q = q.Where(w => w.DefinitionId == definitionId);
        if (filter.OverdueOnly) q = q.Where(w => w.DueAt < now);
        else if (filter.DueBefore?.ToUniversalTime() is { } before) q = q.Where(w => w.DueAt >= now && w.DueAt < before);
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(w => w.DueAt).ThenBy(w => w.Id).Skip(filter.Skip).Take(filter.Take)
            .Select(w => new WorkItemView(w.Id, w.InstanceId, w.DefinitionId, w.BusinessKey, w.StepId, w.Title, w.Role, w.UnitId,
                w.Assignee, w.ClaimedBy, w.Branch, w.CreatedAt, w.DueAt, w.Revision))
            .ToListAsync(ct);
        return (items, total);
    }

    public Task<WorkItemView?> GetAsync(Guid id, CancellationToken ct = default) =>
        db.WorkItems.AsNoTracking().Where(w => w.Id == id)
            .Select(w => new WorkItemView(w.Id, w.InstanceId, w.DefinitionId, w.BusinessKey, w.StepId, w.Title, w.Role, w.UnitId,
                w.Assignee, w.ClaimedBy, w.Branch, w.CreatedAt, w.DueAt, w.Revision))
            .SingleOrDefaultAsync(ct);
}
