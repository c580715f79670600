using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Persistence;

namespace Procedures.Organisation;

/// <summary>Gives an official roles in one more unit (e.g. a specialist who also serves at the one-stop shop).</summary>
public sealed record AddMembership(Guid OfficialId, Guid UnitId, IReadOnlyList<Role> Roles, DateOnly? EffectiveFrom = null);

public sealed class AddMembershipHandler(ProceduresDb db, TimeProvider clock)
{
    public async Task<DomainResult<MembershipView>> HandleAsync(Actor actor, AddMembership request, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UnitId, ct);
        if (actor.CheckAdministers(unit) is { } denied) return denied;
        if (RoleGrants.Check(actor, unit!, request.Roles) is { } refused) return refused;
        var from = request.EffectiveFrom ?? clock.Today();
        if (from < clock.Today() || !unit!.IsEffectiveOn(from))
            return DomainError.Invalid("effectiveFrom", "bad-start-date", "Ngày bắt đầu không được trong quá khứ và đơn vị phải có hiệu lực vào ngày đó.",
                "The start date may not be in the past and the unit must be in effect on it.");

        var official = await db.Officials.Include(o => o.Memberships).SingleOrDefaultAsync(o => o.Id == request.OfficialId && o.IsActive, ct);
        if (official is null) return OfficialAccess.NotFound();
        // One open membership per unit: roles change by ending it and adding a new one, which keeps the record of who held what when.
        if (official.Memberships.Any(m => m.UnitId == unit.Id && (m.EffectiveTo is null || m.EffectiveTo >= from)))
            return DomainError.Conflict("already-member", "Cán bộ đã thuộc đơn vị này; hãy kết thúc vai trò hiện tại trước.",
                "The official already belongs to this unit; end the current membership first.") with { Field = "unitId" };

        var membership = new Membership
        {
            Id = Guid.CreateVersion7(), OfficialId = official.Id, UnitId = unit.Id, Roles = [.. request.Roles], EffectiveFrom = from,
            DelegatedBy = request.Roles.Contains(Role.UnitAdmin) ? actor.OfficialId : null,
        };
        db.Memberships.Add(membership);
        await db.SaveChangesAsync(ct);
        return MembershipView.From(membership, unit);
    }
}
