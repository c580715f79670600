using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Api.Ui.Designer;

/// <summary>A unit the designer may bind a procedure in, and the catalogue's procedures that unit does not run yet.</summary>
public sealed record BindingChoice(Guid UnitId, string UnitName, IReadOnlyList<Unbound> Procedures);

public sealed record Unbound(Guid ProcedureId, string Code, string Name);

/// <summary>
/// After publishing a new workflow, the ISO officer puts it to use: their unit becomes competent for a catalogue procedure
/// (one it has no competence for today) run with this workflow, through the same use case as the competence endpoint.
/// </summary>
public static class DesignerBinding
{
    public static async Task<IReadOnlyList<BindingChoice>> ChoicesAsync(ProceduresDb db, Actor actor, DateOnly today, CancellationToken ct = default)
    {
        var unitIds = actor.Memberships.Where(m => m.Roles.Contains(Role.IsoOfficer)).Select(m => m.UnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).OrderBy(u => u.Path).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var procedures = await db.Procedures.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Code)
            .Select(p => new Unbound(p.Id, p.Code, p.Name)).ToListAsync(ct);
        var bound = await db.Competences.AsNoTracking().Where(c => unitIds.Contains(c.UnitId) && (c.EffectiveTo == null || c.EffectiveTo >= today))
            .Select(c => new { c.UnitId, c.ProcedureId }).ToListAsync(ct);
        return units.Select(u => new BindingChoice(u.Id, u.Name,
            procedures.Where(p => !bound.Any(b => b.UnitId == u.Id && b.ProcedureId == p.ProcedureId)).ToList())).ToList();
    }

    public static Task<DomainResult<CompetenceView>> BindAsync(IServiceProvider services, Actor actor, Guid procedureId, Guid unitId,
        string definitionId, DateOnly today) =>
        services.GetRequiredService<BindCompetenceHandler>().HandleAsync(actor, new BindCompetence(procedureId, unitId, definitionId, null, today));
}
