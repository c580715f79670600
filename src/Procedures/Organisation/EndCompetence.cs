using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Persistence;

namespace Procedures.Organisation;

/// <summary>Ends a competence on <paramref name="EffectiveTo"/> (its last day), e.g. when a procedure moves to another unit.</summary>
public sealed record EndCompetence(Guid CompetenceId, DateOnly EffectiveTo);

public sealed class EndCompetenceHandler(ProceduresDb db, TimeProvider clock)
{
    public async Task<DomainResult<CompetenceView>> HandleAsync(Actor actor, EndCompetence request, CancellationToken ct = default)
    {
        var competence = await db.Competences.SingleOrDefaultAsync(c => c.Id == request.CompetenceId, ct);
        var unit = competence is null ? null : await db.Units.AsNoTracking().SingleAsync(u => u.Id == competence.UnitId, ct);
        if (competence is null || unit is null || !actor.Sees(unit.Path))
            return DomainError.NotFound("competence", "thẩm quyền") with { Field = "competenceId" };
        if (!actor.Administers(unit.Path)) return AdminAccess.NotAdmin();
        if (competence.EffectiveTo is { } ended && ended <= request.EffectiveTo)
            return DomainError.Conflict("already-ended", "Thẩm quyền đã kết thúc.", "The competence has already ended.") with { Field = "competenceId" };
        if (request.EffectiveTo < competence.EffectiveFrom || request.EffectiveTo < clock.Today())
            return DomainError.Invalid("effectiveTo", "bad-end-date", "Ngày kết thúc không được trong quá khứ hoặc trước ngày bắt đầu.",
                "The end date may be neither in the past nor before the start date.");

        competence.EffectiveTo = request.EffectiveTo;
        await db.SaveChangesAsync(ct);
        return CompetenceView.From(competence, unit);
    }
}
