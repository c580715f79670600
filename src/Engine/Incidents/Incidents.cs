using Engine.Persistence;
using Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Engine.Incidents;

/// <summary>An incident as an operator sees it.</summary>
public sealed record IncidentView(
    Guid Id, Guid InstanceId, string DefinitionId, int DefinitionVersion, string? BusinessKey, string StepId, string? UnitId,
    string Kind, Guid? TimerId, string Error, int Attempts, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, string Status,
    DateTimeOffset? ResolvedAt, string? ResolvedBy, string? Resolution);

/// <summary>Which incidents to list; filters combine. Without a status: the unresolved ones (Open and Retrying).</summary>
public sealed record IncidentFilter
{
    public string? Status { get; init; }
    public string? DefinitionId { get; init; }
    /// <summary>Only incidents of these units (the step's unit, or the unit of the instance's latest work item).</summary>
    public IReadOnlyCollection<string>? Units { get; init; }
    /// <summary>Only incidents first seen before this instant: the old ones.</summary>
    public DateTimeOffset? FirstSeenBefore { get; init; }
    public Guid? InstanceId { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 50;
}

/// <summary>
/// What an operator does with incidents: list them (by definition, unit and age), retry one (its timer gets one more
/// attempt now), or resolve it by hand (its timer will not run again). Both write a history row on the instance;
/// the caller records who did it in its own audit trail too.
/// </summary>
public sealed class Incidents
{
    private readonly EngineDb db;
    private readonly WorkflowRuntime runtime;

    /// <summary>Made by the engine's registration (<c>AddWorkflowEngine</c>): its database context is its own.</summary>
    internal Incidents(EngineDb db, WorkflowRuntime runtime) =>
        (this.db, this.runtime) = (db, runtime);

    public Task<(IReadOnlyList<IncidentView> Items, int Total)> ListAsync(IncidentFilter filter, CancellationToken ct = default) =>
        ListAsync(db, filter, ct);

    internal static async Task<(IReadOnlyList<IncidentView> Items, int Total)> ListAsync(EngineDb db, IncidentFilter filter, CancellationToken ct)
    {
        var q = db.Incidents.AsNoTracking();
        q = filter.Status is { } status ? q.Where(i => i.Status == status) : q.Where(i => i.Status != IncidentStatus.Resolved);
        if (filter.DefinitionId is { } definition) q = q.Where(i => i.DefinitionId == definition);
        if (filter.Units is { } units) q = q.Where(i => i.UnitId != null && units.Contains(i.UnitId));
        if (filter.FirstSeenBefore?.ToUniversalTime() is { } before) q = q.Where(i => i.FirstSeenAt < before);
        if (filter.InstanceId is { } instance) q = q.Where(i => i.InstanceId == instance);
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(i => i.FirstSeenAt).ThenBy(i => i.Id).Skip(filter.Skip).Take(filter.Take).Select(View).ToListAsync(ct);
        return (items, total);
    }

    public Task<IncidentView?> GetAsync(Guid id, CancellationToken ct = default) =>
        db.Incidents.AsNoTracking().Where(i => i.Id == id).Select(View).SingleOrDefaultAsync(ct);

    /// <summary>Gives the incident's timer one more attempt now; a further failure opens the incident again at once.</summary>
    public async Task<EngineResult<IncidentView>> RetryAsync(Guid id, string actor, string? reason, CancellationToken ct = default) =>
        await Then(await runtime.RetryIncidentAsync(id, actor, reason, ct), id, ct);

    /// <summary>Closes the incident by hand: its timer will not run again (repair the instance, e.g. move its token, first).</summary>
    public async Task<EngineResult<IncidentView>> ResolveAsync(Guid id, string actor, string reason, CancellationToken ct = default) =>
        await Then(await runtime.ResolveIncidentAsync(id, actor, reason, ct), id, ct);

    private async Task<EngineResult<IncidentView>> Then(EngineResult<bool> done, Guid id, CancellationToken ct) =>
        done.Succeeded ? (await GetAsync(id, ct))! : done.Error!;

    private static readonly System.Linq.Expressions.Expression<Func<IncidentRecord, IncidentView>> View = i => new IncidentView(
        i.Id, i.InstanceId, i.DefinitionId, i.DefinitionVersion, i.BusinessKey, i.StepId, i.UnitId, i.Kind, i.TimerId, i.Error, i.Attempts,
        i.FirstSeenAt, i.LastSeenAt, i.Status, i.ResolvedAt, i.ResolvedBy, i.Resolution);
}
