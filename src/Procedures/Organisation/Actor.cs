namespace Procedures.Organisation;

/// <summary>
/// An official's effective roles in one unit, with the unit's tree path for subtree checks. A membership in an
/// internal part of an agency (a section or the one-stop shop) also acts for the agency itself
/// (<paramref name="ActsForUnitId"/>): the specialists of a commune's economic section process the commune's dossiers.
/// </summary>
public sealed record ActorMembership(Guid UnitId, string UnitCode, string UnitPath, IReadOnlyList<Role> Roles, Guid? ActsForUnitId = null)
{
    public bool Covers(Guid unitId) => UnitId == unitId || ActsForUnitId == unitId;
}

/// <summary>
/// The signed-in official as the domain sees them: who they are and what they may do where. An official
/// acts on dossiers of the units they belong to; a unit admin manages the unit's subtree; a system admin
/// manages everything.
/// </summary>
public sealed record Actor(Guid OfficialId, string UserName, string FullName, string? Position, IReadOnlyList<ActorMembership> Memberships)
{
    public bool IsSystemAdmin => Memberships.Any(m => m.Roles.Contains(Role.SystemAdmin));

    /// <summary>The units the official works for: their own and the agencies their sections belong to.</summary>
    public IEnumerable<Guid> UnitIds => Memberships.SelectMany(m => m.ActsForUnitId is { } parent ? [m.UnitId, parent] : new[] { m.UnitId }).Distinct();

    /// <summary>Holds <paramref name="role"/> in <paramref name="unitId"/> itself. A deputy leader counts as unit leader.</summary>
    public bool HasRole(Role role, Guid unitId) =>
        Memberships.Any(m => m.Covers(unitId) && (m.Roles.Contains(role) || role == Role.UnitLeader && m.Roles.Contains(Role.DeputyLeader)));

    /// <summary>Holds a workflow role (e.g. <c>section-head</c>) in the unit.</summary>
    public bool HasWorkflowRole(string workflowRole, Guid unitId) =>
        RoleNames.TryParseWorkflowRole(workflowRole, out var role) && HasRole(role, unitId);

    public bool BelongsTo(Guid unitId) => Memberships.Any(m => m.Covers(unitId));

    /// <summary>May administer the unit at <paramref name="unitPath"/>: system admin, or unit admin of it or an ancestor.</summary>
    public bool Administers(string unitPath) =>
        IsSystemAdmin || Memberships.Any(m => m.Roles.Contains(Role.UnitAdmin) && unitPath.StartsWith(m.UnitPath, StringComparison.Ordinal));
}

/// <summary>Role names as workflow definitions write them (<c>clerk</c>, <c>section-head</c>, ...).</summary>
public static class RoleNames
{
    public static string ToWorkflowRole(this Role role) => role switch
    {
        Role.Clerk => "clerk",
        Role.Specialist => "specialist",
        Role.SectionHead => "section-head",
        Role.UnitLeader => "unit-leader",
        Role.DeputyLeader => "deputy-leader",
        Role.UnitAdmin => "unit-admin",
        Role.SystemAdmin => "system-admin",
        Role.ConsultedOfficer => "consulted-officer",
        Role.IsoOfficer => "iso-officer",
        _ => role.ToString(),
    };

    public static bool TryParseWorkflowRole(string name, out Role role)
    {
        foreach (var candidate in Enum.GetValues<Role>())
            if (candidate.ToWorkflowRole() == name) { role = candidate; return true; }
        role = default;
        return false;
    }

    public static string Vietnamese(this Role role) => role switch
    {
        Role.Clerk => "Cán bộ tiếp nhận",
        Role.Specialist => "Chuyên viên",
        Role.SectionHead => "Lãnh đạo phòng",
        Role.UnitLeader => "Lãnh đạo đơn vị",
        Role.DeputyLeader => "Cấp phó (ký thay)",
        Role.UnitAdmin => "Quản trị đơn vị",
        Role.SystemAdmin => "Quản trị hệ thống",
        Role.ConsultedOfficer => "Cán bộ cơ quan phối hợp",
        Role.IsoOfficer => "Cán bộ ISO",
        _ => role.ToString(),
    };
}
