using Engine.Definitions;
using Engine.Incidents;
using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>The engine's incidents with their dossiers, definitions and units named, for the operators' list.</summary>
public sealed class IncidentQueries(ProceduresDb db, Incidents incidents, DefinitionStore definitions, TimeProvider clock)
{
    public const int MaxTake = 200;
    private static readonly string[] Statuses = [IncidentStatus.Open, IncidentStatus.Retrying, IncidentStatus.Resolved];

    public async Task<DomainResult<IncidentPage>> ListAsync(IncidentQuery query, CancellationToken ct = default)
    {
        var status = string.IsNullOrWhiteSpace(query.Status) ? null : query.Status.Trim();
        if (status is not null && !Statuses.Contains(status))
            return DomainError.Invalid("status", "invalid-status", $"Trạng thái sự cố phải là một trong: {string.Join(", ", Statuses)}.",
                $"The incident status must be one of: {string.Join(", ", Statuses)}.");
        if (query.OlderThanHours < 0)
            return DomainError.Invalid("olderThanHours", "invalid-age", "Số giờ phải lớn hơn hoặc bằng 0.", "The number of hours must be 0 or more.");
        IReadOnlyCollection<string>? units = null;
        if (query.UnitId is { } unitId)
        {
            var path = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(ct);
            if (path is null) return AdminAccess.UnitNotFound("unitId");
            units = (await db.Units.AsNoTracking().Where(u => u.Path.StartsWith(path)).Select(u => u.Id).ToListAsync(ct)).Select(id => id.ToString()).ToList();
        }
        var (skip, take) = (Math.Max(query.Skip, 0), Math.Clamp(query.Take, 1, MaxTake));
        var (items, total) = await incidents.ListAsync(new IncidentFilter
        {
            Status = status, DefinitionId = string.IsNullOrWhiteSpace(query.DefinitionId) ? null : query.DefinitionId.Trim(), Units = units,
            FirstSeenBefore = query.OlderThanHours is { } hours ? clock.GetUtcNow().AddHours(-hours) : null, Skip = skip, Take = take,
        }, ct);
        return new IncidentPage(await RowsAsync(items, ct), total, skip, take);
    }

    public async Task<IncidentRow?> GetAsync(Guid id, CancellationToken ct = default) =>
        await incidents.GetAsync(id, ct) is { } incident ? (await RowsAsync([incident], ct))[0] : null;

    /// <summary>Names what the incidents refer to: one query for the dossiers, one for the units, one read per definition version.</summary>
    public async Task<IReadOnlyList<IncidentRow>> RowsAsync(IReadOnlyList<IncidentView> items, CancellationToken ct = default)
    {
        var instanceIds = items.Select(i => (Guid?)i.InstanceId).Distinct().ToList();
        var dossiers = await db.Dossiers.AsNoTracking().Where(d => instanceIds.Contains(d.WorkflowInstanceId))
            .ToDictionaryAsync(d => d.WorkflowInstanceId!.Value, d => d.Id, ct);
        var unitIds = items.Select(i => Guid.TryParse(i.UnitId, out var u) ? u : Guid.Empty).Where(u => u != Guid.Empty).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var versions = new Dictionary<(string, int), WorkflowDefinition?>();
        foreach (var key in items.Select(i => (i.DefinitionId, i.DefinitionVersion)).Distinct())
            versions[key] = await definitions.GetAsync(key.DefinitionId, key.DefinitionVersion, ct);
        return items.Select(i =>
        {
            var definition = versions[(i.DefinitionId, i.DefinitionVersion)];
            return new IncidentRow(i, dossiers.TryGetValue(i.InstanceId, out var dossier) ? dossier : null, definition?.Title,
                definition?.FindStep(i.StepId)?.Title, Guid.TryParse(i.UnitId, out var unit) ? units.GetValueOrDefault(unit) : null);
        }).ToList();
    }
}
