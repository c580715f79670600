using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Persistence;

namespace Procedures.Organisation;

/// <summary>
/// Delegates the management of a sub-unit (phân quyền quản lý đơn vị trực thuộc): the official becomes unit
/// admin of that unit and its subtree, and the membership records who delegated it.
/// </summary>
public sealed record DelegateUnitAdmin(Guid OfficialId, Guid UnitId);

public sealed class DelegateUnitAdminHandler(ProceduresDb db, TimeProvider clock)
{
    public async Task<DomainResult<MembershipView>> HandleAsync(Actor actor, DelegateUnitAdmin request, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UnitId, ct);
        if (actor.CheckAdministers(unit) is { } denied) return denied;
        if (RoleGrants.Check(actor, unit!, [Role.UnitAdmin]) is { } refused) return refused;
        var today = clock.Today();
        if (!unit!.IsEffectiveOn(today))
            return DomainError.Invalid("unitId", "unit-not-effective", "Đơn vị không còn hiệu lực.", "The unit is no longer in effect.");
        var official = await db.Officials.Include(o => o.Memberships).SingleOrDefaultAsync(o => o.Id == request.OfficialId && o.IsActive, ct);
        if (official is null) return OfficialAccess.NotFound();

        // Someone already working in the unit gets the role added to their membership rather than a second one.
        var membership = official.Memberships.FirstOrDefault(m => m.UnitId == unit.Id && m.IsEffectiveOn(today));
        if (membership is null)
        {
            membership = new Membership { Id = Guid.CreateVersion7(), OfficialId = official.Id, UnitId = unit.Id, EffectiveFrom = today };
            db.Memberships.Add(membership);
        }
        else if (membership.Roles.Contains(Role.UnitAdmin))
            return DomainError.Conflict("already-admin", "Cán bộ đã là quản trị của đơn vị này.", "The official already administers this unit.") with { Field = "officialId" };
        membership.Roles = [.. membership.Roles, Role.UnitAdmin];
        membership.DelegatedBy = actor.OfficialId;
        await db.SaveChangesAsync(ct);
        return MembershipView.From(membership, unit);
    }
}
