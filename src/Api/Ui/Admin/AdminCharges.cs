using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Api.Ui.Admin;

/// <summary>What the responsibility page offers for a unit: its sections, its officials (its own and its sections'), sectors and the procedures it is competent for.</summary>
public sealed record ChargeChoices(IReadOnlyList<UnitChoice> Sections, IReadOnlyList<UnitOfficialView> Officials, IReadOnlyList<UnitChoice> Sectors,
    IReadOnlyList<UnitChoice> Procedures);

public static class AdminCharges
{
    public static async Task<DomainResult<ChargeChoices>> ChoicesAsync(IServiceProvider sp, Actor actor, Guid unitId, CancellationToken ct = default)
    {
        var db = sp.GetRequiredService<ProceduresDb>();
        var today = sp.GetRequiredService<TimeProvider>().Today();
        var sections = await db.Units.AsNoTracking().Where(u => u.ParentId == unitId && u.TypeCode == DefaultUnitTypes.Section && (u.EffectiveTo == null || u.EffectiveTo >= today))
            .OrderBy(u => u.Name).Select(u => new UnitChoice(u.Id, u.Name)).ToListAsync(ct);
        var officials = new List<UnitOfficialView>();
        foreach (var unit in sections.Select(s => s.Id).Prepend(unitId))
        {
            var found = await sp.GetRequiredService<UnitOfficialsQuery>().HandleAsync(actor, new ListUnitOfficials(unit), ct);
            if (found.Error is { } denied) return denied;
            officials.AddRange(found.Value!.Where(o => o.Roles.Any(r => r is Role.Specialist or Role.SectionHead or Role.UnitLeader or Role.DeputyLeader)));
        }
        var sectors = await db.Sectors.AsNoTracking().OrderBy(s => s.Code).Select(s => new UnitChoice(s.Id, s.Name)).ToListAsync(ct);
        var procedureIds = await db.Competences.AsNoTracking().Where(c => c.UnitId == unitId).Select(c => c.ProcedureId).Distinct().ToListAsync(ct);
        var procedures = await db.Procedures.AsNoTracking().Where(p => procedureIds.Contains(p.Id)).OrderBy(p => p.Name)
            .Select(p => new UnitChoice(p.Id, p.Name + " (" + p.Code + ")")).ToListAsync(ct);
        return new ChargeChoices(sections, officials.DistinctBy(o => o.UserName).ToList(), sectors, procedures);
    }
}
