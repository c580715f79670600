using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Persistence;

namespace Procedures.Organisation;

/// <summary>
/// Who may manage an official: a system admin, or an admin of every unit the official currently belongs to. A
/// commune admin thus cannot rename or deactivate a province official who also sits in the commune.
/// </summary>
public static class OfficialAccess
{
    /// <summary>The official (tracked, with memberships) and the units of the memberships in effect today.</summary>
    public static async Task<(Official? Official, IReadOnlyList<Unit> CurrentUnits)> LoadAsync(
        ProceduresDb db, Guid officialId, DateOnly today, CancellationToken ct)
    {
        var official = await db.Officials.Include(o => o.Memberships).SingleOrDefaultAsync(o => o.Id == officialId, ct);
        if (official is null) return (null, []);
        var unitIds = official.Memberships.Where(m => m.IsEffectiveOn(today)).Select(m => m.UnitId).ToList();
        return (official, await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToListAsync(ct));
    }

    /// <summary>
    /// The official <paramref name="actor"/> may manage (tracked, with memberships): NotFound when missing or outside the actor's
    /// branch, Forbidden when they also belong to a unit the actor does not administer. API and pages call this, not their own rule.
    /// </summary>
    public static async Task<DomainResult<Official>> ManagedAsync(ProceduresDb db, Actor actor, Guid officialId, DateOnly today, CancellationToken ct)
    {
        var (official, units) = await LoadAsync(db, officialId, today, ct);
        return actor.CheckManages(official, units) is { } denied ? denied : official!;
    }

    public static DomainError? CheckManages(this Actor actor, Official? official, IReadOnlyList<Unit> currentUnits)
    {
        if (official is null) return NotFound();
        if (actor.IsSystemAdmin) return null;
        if (!currentUnits.Any(u => actor.Sees(u.Path))) return NotFound();
        return currentUnits.All(u => actor.Administers(u.Path)) ? null
            : DomainError.Forbidden("Cán bộ này còn thuộc đơn vị bạn không quản trị.", "The official also belongs to units you do not administer.");
    }

    public static DomainError NotFound() => DomainError.NotFound("official", "cán bộ") with { Field = "officialId" };
}

/// <summary>Which roles an actor may grant in a unit they administer.</summary>
internal static class RoleGrants
{
    public static DomainError? Check(Actor actor, Unit unit, IReadOnlyList<Role>? roles)
    {
        if (roles is null || roles.Count == 0)
            return DomainError.Invalid("roles", "no-roles", "Chọn ít nhất một vai trò.", "Choose at least one role.");
        if (roles.Any(r => !Enum.IsDefined(r)) || roles.Distinct().Count() != roles.Count)
            return DomainError.Invalid("roles", "bad-roles", "Danh sách vai trò có vai trò lạ hoặc lặp lại.", "The roles contain an unknown or repeated role.");
        if (roles.Contains(Role.SystemAdmin) && !actor.IsSystemAdmin)
            return DomainError.Forbidden("Chỉ quản trị hệ thống được cấp quyền quản trị hệ thống.", "Only a system administrator may grant system administration.");
        // Unit administration flows downwards: a unit admin delegates sub-units, never their own level.
        if (roles.Contains(Role.UnitAdmin) && !actor.AdministersFromAbove(unit.Path))
            return DomainError.Forbidden("Chỉ được giao quyền quản trị cho đơn vị trực thuộc đơn vị bạn quản trị.",
                "Unit administration can only be delegated for units below the ones you administer.");
        return null;
    }
}
