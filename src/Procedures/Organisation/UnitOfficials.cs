using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Persistence;

namespace Procedures.Organisation;

/// <summary>Officials of a unit with their roles on <paramref name="On"/> (today when null); inactive ones on request.</summary>
public sealed record ListUnitOfficials(Guid UnitId, DateOnly? On = null, bool IncludeInactive = false);

public sealed record UnitOfficialView(
    Guid OfficialId, string UserName, string FullName, string? Position, string? Email, string? Phone, bool IsActive,
    Guid MembershipId, IReadOnlyList<Role> Roles, DateOnly EffectiveFrom, DateOnly? EffectiveTo, Guid? DelegatedBy);

public sealed partial class UnitOfficialsQuery(ProceduresDb db, TimeProvider clock)
{
    public async Task<DomainResult<IReadOnlyList<UnitOfficialView>>> HandleAsync(Actor actor, ListUnitOfficials request, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UnitId, ct);
        if (actor.CheckSees(unit) is { } denied) return denied;
        var day = request.On ?? clock.Today();

        var rows = await (
            from m in db.Memberships.AsNoTracking()
            join o in db.Officials.AsNoTracking() on m.OfficialId equals o.Id
            where m.UnitId == unit!.Id && m.EffectiveFrom <= day && (m.EffectiveTo == null || m.EffectiveTo >= day)
                && (request.IncludeInactive || o.IsActive)
            select new { m, o }).ToListAsync(ct);
        return DomainResult<IReadOnlyList<UnitOfficialView>>.Ok(rows
            .OrderBy(r => r.m.Roles.Select(Seniority).DefaultIfEmpty(int.MaxValue).Min())
            .ThenBy(r => r.o.FullName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))
            .Select(r => new UnitOfficialView(r.o.Id, r.o.UserName, r.o.FullName, r.o.Position, r.o.Email, r.o.Phone, r.o.IsActive,
                r.m.Id, [.. r.m.Roles], r.m.EffectiveFrom, r.m.EffectiveTo, r.m.DelegatedBy))
            .ToList());
    }

    // Listed as an organisation chart reads: leaders first, then section heads, specialists, clerks, admins.
    private static int Seniority(Role role) => role switch
    {
        Role.UnitLeader => 0, Role.DeputyLeader => 1, Role.SectionHead => 2, Role.Specialist => 3, Role.Clerk => 4, Role.ConsultedOfficer => 5,
        Role.UnitAdmin => 6, _ => 7,
    };
}
