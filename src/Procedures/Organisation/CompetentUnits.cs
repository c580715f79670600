using Microsoft.EntityFrameworkCore;
using Procedures.Persistence;

namespace Procedures.Organisation;

/// <summary>
/// Which units are competent for a procedure on a day, optionally only inside one subtree (the citizen's
/// province or commune). Public: the portal shows where a procedure can be done, and dossier reception routes by it.
/// </summary>
public sealed record FindCompetentUnits(Guid ProcedureId, DateOnly On, Guid? WithinUnitId = null);

public sealed class CompetentUnitsQuery(ProceduresDb db)
{
    public async Task<IReadOnlyList<CompetenceView>> HandleAsync(FindCompetentUnits request, CancellationToken ct = default)
    {
        var within = request.WithinUnitId is { } id
            ? await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => u.Path).SingleOrDefaultAsync(ct)
            : "/";
        if (within is null) return [];
        var day = request.On;
        var rows = await (
            from c in db.Competences.AsNoTracking()
            join u in db.Units.AsNoTracking() on c.UnitId equals u.Id
            where c.ProcedureId == request.ProcedureId && c.EffectiveFrom <= day && (c.EffectiveTo == null || c.EffectiveTo >= day)
                && u.EffectiveFrom <= day && (u.EffectiveTo == null || u.EffectiveTo >= day) && u.Path.StartsWith(within)
            orderby u.Code
            select new { c, u }).ToListAsync(ct);
        return rows.Select(r => CompetenceView.From(r.c, r.u)).ToList();
    }
}

/// <summary>A competence binding with its unit, as admin screens and dossier routing read it.</summary>
public sealed record CompetenceView(
    Guid Id, Guid ProcedureId, Guid UnitId, string UnitCode, string UnitName, string WorkflowDefinitionId, int? WorkflowVersion,
    DateOnly EffectiveFrom, DateOnly? EffectiveTo)
{
    public static CompetenceView From(Competence c, Unit u) =>
        new(c.Id, c.ProcedureId, c.UnitId, u.Code, u.Name, c.WorkflowDefinitionId, c.WorkflowVersion, c.EffectiveFrom, c.EffectiveTo);
}
