using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Persistence;

namespace Procedures.Organisation;

/// <summary>Ends a membership on <paramref name="EffectiveTo"/> (its last day; today when null).</summary>
public sealed record EndMembership(Guid MembershipId, DateOnly? EffectiveTo = null);

public sealed class EndMembershipHandler(ProceduresDb db, TimeProvider clock)
{
    public async Task<DomainResult<MembershipView>> HandleAsync(Actor actor, EndMembership request, CancellationToken ct = default)
    {
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == request.MembershipId, ct);
        var unit = membership is null ? null : await db.Units.AsNoTracking().SingleAsync(u => u.Id == membership.UnitId, ct);
        if (membership is null || unit is null || !actor.Sees(unit.Path))
            return DomainError.NotFound("membership", "vai trò của cán bộ") with { Field = "membershipId" };
        if (!actor.Administers(unit.Path)) return AdminAccess.NotAdmin();
        // Taking away unit administration is for whoever could have granted it, as is taking away system administration.
        if (membership.Roles.Contains(Role.UnitAdmin) && !actor.AdministersFromAbove(unit.Path)
            || membership.Roles.Contains(Role.SystemAdmin) && !actor.IsSystemAdmin) return AdminAccess.NotAdmin();

        var today = clock.Today();
        var end = request.EffectiveTo ?? today;
        if (membership.EffectiveTo is not null && membership.EffectiveTo <= end)
            return DomainError.Conflict("already-ended", "Vai trò đã kết thúc.", "The membership has already ended.") with { Field = "membershipId" };
        if (end < today || end < membership.EffectiveFrom)
            return DomainError.Invalid("effectiveTo", "bad-end-date", "Ngày kết thúc không được trong quá khứ hoặc trước ngày bắt đầu.",
                "The end date may be neither in the past nor before the start date.");
        if (membership.Roles.Contains(Role.SystemAdmin) && !await OtherSystemAdminAsync(membership, end, ct))
            return DomainError.Conflict("last-system-admin", "Không thể kết thúc quyền của quản trị hệ thống cuối cùng.",
                "The last system administrator cannot be removed.") with { Field = "membershipId" };

        membership.EffectiveTo = end;
        await db.SaveChangesAsync(ct);
        return MembershipView.From(membership, unit);
    }

    private Task<bool> OtherSystemAdminAsync(Membership ending, DateOnly end, CancellationToken ct) =>
        db.Memberships.AnyAsync(m => m.Id != ending.Id && m.Roles.Contains(Role.SystemAdmin) && (m.EffectiveTo == null || m.EffectiveTo > end)
            && db.Officials.Any(o => o.Id == m.OfficialId && o.IsActive), ct);
}
