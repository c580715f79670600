using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Persistence;

namespace Procedures.Organisation;

/// <summary>
/// Ends a unit on <paramref name="EffectiveTo"/> (its last day). Refused while something would be left hanging:
/// sub-units still in effect after that day (end them first, bottom-up), competences still in effect (rebind the
/// procedures to the successor unit first, or citizens could not submit), or dossiers still open at the unit.
/// Memberships are ended with the unit (people cannot belong to a closed unit); those not yet started are removed.
/// </summary>
public sealed record EndUnit(Guid UnitId, DateOnly EffectiveTo);

public sealed class EndUnitHandler(ProceduresDb db, TimeProvider clock)
{
    /// <summary>Dossier states that no longer hold a unit open.</summary>
    internal static readonly DossierStatus[] Closed = [DossierStatus.NotAccepted, DossierStatus.Withdrawn, DossierStatus.Stopped, DossierStatus.Returned];

    public async Task<DomainResult<UnitView>> HandleAsync(Actor actor, EndUnit request, CancellationToken ct = default)
    {
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == request.UnitId, ct);
        if (actor.CheckAdministers(unit) is { } denied) return denied;
        // Closing the top of one's own subtree belongs to whoever administers it from above.
        if (!actor.AdministersFromAbove(unit!.Path)) return AdminAccess.NotAdmin();
        if (unit.EffectiveTo is not null)
            return DomainError.Conflict("already-ended", "Đơn vị đã được kết thúc hiệu lực.", "The unit has already been ended.") with { Field = "unitId" };
        var end = request.EffectiveTo;
        if (end < unit.EffectiveFrom || end < clock.Today())
            return DomainError.Invalid("effectiveTo", "bad-end-date", "Ngày kết thúc không được trước ngày hiệu lực hay trước hôm nay.",
                "The end date may be neither before the start date nor in the past.");

        if (await db.Units.AnyAsync(c => c.ParentId == unit.Id && (c.EffectiveTo == null || c.EffectiveTo > end), ct))
            return Blocked("has-sub-units", "Đơn vị còn đơn vị trực thuộc đang hiệu lực.", "The unit still has sub-units in effect.");
        if (await db.Competences.AnyAsync(c => c.UnitId == unit.Id && (c.EffectiveTo == null || c.EffectiveTo > end), ct))
            return Blocked("has-competences", "Đơn vị còn thẩm quyền giải quyết thủ tục; hãy giao cho đơn vị khác trước.",
                "The unit is still competent for procedures; bind them to another unit first.");
        if (await db.Dossiers.AnyAsync(d => (d.ReceivingUnitId == unit.Id || d.ProcessingUnitId == unit.Id) && !Closed.Contains(d.Status), ct))
            return Blocked("has-open-dossiers", "Đơn vị còn hồ sơ chưa giải quyết xong.", "The unit still has open dossiers.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Memberships.Where(m => m.UnitId == unit.Id && m.EffectiveFrom > end).ExecuteDeleteAsync(ct);
        await db.Memberships.Where(m => m.UnitId == unit.Id && (m.EffectiveTo == null || m.EffectiveTo > end))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.EffectiveTo, end), ct);
        unit.EffectiveTo = end;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return UnitView.From(unit);
    }

    private static DomainError Blocked(string code, string vi, string en) => DomainError.Conflict(code, vi, en) with { Field = "unitId" };
}
