using Procedures.Common;

namespace Procedures.Organisation;

/// <summary>
/// What an actor may see and administer in the unit tree, shared by every admin use case. An actor sees the
/// branch they belong to (their units, what is below them and what is above them) but not the siblings'
/// branches: refusing inside the branch says Forbidden, outside it says NotFound, so the tree of another
/// commune does not leak through error codes.
/// </summary>
public static class AdminAccess
{
    public static bool Sees(this Actor actor, string unitPath) =>
        actor.IsSystemAdmin || actor.Memberships.Any(m =>
            unitPath.StartsWith(m.UnitPath, StringComparison.Ordinal) || m.UnitPath.StartsWith(unitPath, StringComparison.Ordinal));

    /// <summary>
    /// Administers the unit from above: system admin, or unit admin of a strict ancestor. Needed to hand out
    /// unit-admin rights and to end a unit, so that an admin cannot mint peers or close their own top unit.
    /// </summary>
    public static bool AdministersFromAbove(this Actor actor, string unitPath) =>
        actor.IsSystemAdmin || actor.Memberships.Any(m => m.Roles.Contains(Role.UnitAdmin)
            && unitPath.Length > m.UnitPath.Length && unitPath.StartsWith(m.UnitPath, StringComparison.Ordinal));

    /// <summary>NotFound when the unit is missing or out of view, Forbidden when seen but not administered, else null.</summary>
    public static DomainError? CheckAdministers(this Actor actor, Unit? unit, string field = "unitId")
    {
        if (unit is null || !actor.Sees(unit.Path)) return UnitNotFound(field);
        return actor.Administers(unit.Path) ? null : NotAdmin();
    }

    /// <summary>NotFound when the unit is missing or out of view, else null.</summary>
    public static DomainError? CheckSees(this Actor actor, Unit? unit, string field = "unitId") =>
        unit is null || !actor.Sees(unit.Path) ? UnitNotFound(field) : null;

    public static DomainError UnitNotFound(string field = "unitId") =>
        DomainError.NotFound("unit", "đơn vị") with { Field = field };

    public static DomainError NotAdmin() =>
        DomainError.Forbidden("Bạn không có quyền quản trị đơn vị này.", "You do not administer this unit.");

    public static DomainError NotSystemAdmin() =>
        DomainError.Forbidden("Chỉ quản trị hệ thống được thực hiện thao tác này.", "Only a system administrator may do this.");
}
