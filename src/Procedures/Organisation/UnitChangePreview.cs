using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Persistence;

namespace Procedures.Organisation;

/// <summary>
/// What moving or ending a unit touches, shown to the administrator before they confirm. It only counts: whether the change
/// is allowed is decided by <see cref="MoveUnitHandler"/> and <see cref="EndUnitHandler"/> when it is made.
/// </summary>
public sealed record PreviewUnitChange(Guid UnitId, DateOnly? EffectiveTo = null);

/// <param name="SubtreeUnits">Units that move with it (itself included); their paths change, so statistics roll up under the new parent.</param>
/// <param name="OfficialsInEffect">Officials whose membership of the unit itself is in effect after the end date; ending ends them.</param>
/// <param name="OfficialsInSubtree">Officials with a membership in effect anywhere in the subtree (they move with it).</param>
/// <param name="OpenDossiers">Dossiers still open that the unit receives or processes; ending is refused while there are any.</param>
/// <param name="SubUnitsInEffect">Sub-units in effect after the end date; ending is refused while there are any.</param>
/// <param name="CompetencesInEffect">Procedures the unit is competent for after the end date; ending is refused while there are any.</param>
/// <param name="DossiersKept">Every dossier the unit ever handled: they stay in its statistics and reports after it ends.</param>
public sealed record UnitChangePreview(
    Guid UnitId, string UnitName, int SubtreeUnits, IReadOnlyList<string> OfficialsInEffect, int OfficialsInSubtree, int OpenDossiers,
    int SubUnitsInEffect, int CompetencesInEffect, int DossiersKept);

public sealed class UnitChangePreviewQuery(ProceduresDb db, TimeProvider clock)
{
    public async Task<DomainResult<UnitChangePreview>> HandleAsync(Actor actor, PreviewUnitChange request, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UnitId, ct);
        if (actor.CheckAdministers(unit) is { } denied) return denied;
        var end = request.EffectiveTo ?? clock.Today();
        var subtree = db.Units.Where(u => u.Path.StartsWith(unit!.Path)).Select(u => u.Id);

        var officials = await (from m in db.Memberships
                               join o in db.Officials on m.OfficialId equals o.Id
                               where m.UnitId == unit!.Id && (m.EffectiveTo == null || m.EffectiveTo > end)
                               orderby o.FullName
                               select o.FullName).Distinct().ToListAsync(ct);
        var inSubtree = await db.Memberships.Where(m => subtree.Contains(m.UnitId) && (m.EffectiveTo == null || m.EffectiveTo >= end))
            .Select(m => m.OfficialId).Distinct().CountAsync(ct);
        var open = await db.Dossiers.CountAsync(d => (d.ReceivingUnitId == unit!.Id || d.ProcessingUnitId == unit.Id)
            && !EndUnitHandler.Closed.Contains(d.Status), ct);
        var all = await db.Dossiers.CountAsync(d => d.ReceivingUnitId == unit!.Id || d.ProcessingUnitId == unit.Id, ct);
        var subUnits = await db.Units.CountAsync(c => c.ParentId == unit!.Id && (c.EffectiveTo == null || c.EffectiveTo > end), ct);
        var competences = await db.Competences.CountAsync(c => c.UnitId == unit!.Id && (c.EffectiveTo == null || c.EffectiveTo > end), ct);
        return new UnitChangePreview(unit!.Id, unit.Name, await subtree.CountAsync(ct), officials, inSubtree, open, subUnits, competences, all);
    }
}
