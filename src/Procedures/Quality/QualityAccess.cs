using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Quality;

/// <summary>
/// Quality records are read like the statistics (the actor's units and below) and kept by the people who answer for
/// the quality system: leaders, deputies, section heads and unit admins of the unit or a unit above it.
/// </summary>
internal static class QualityAccess
{
    private static readonly Role[] Keepers = [Role.UnitLeader, Role.DeputyLeader, Role.SectionHead, Role.UnitAdmin];

    public static async Task<DomainResult<Unit>> UnitAsync(ProceduresDb db, Actor actor, Guid unitId, bool write, CancellationToken ct, string field = "unitId")
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct);
        if (actor.CheckSees(unit, field) is { } unseen) return unseen;
        var below = actor.Memberships.Where(m => unit!.Path.StartsWith(m.UnitPath, StringComparison.Ordinal)).ToList();
        if (!actor.IsSystemAdmin && below.Count == 0)
            return DomainError.Forbidden("Bạn chỉ xem được hồ sơ chất lượng của đơn vị mình và các đơn vị trực thuộc.",
                "You may only see the quality records of your own units and the units below them.");
        if (write && !actor.IsSystemAdmin && !below.Any(m => m.Roles.Any(Keepers.Contains)))
            return DomainError.Forbidden("Chỉ lãnh đạo, trưởng phòng hoặc quản trị đơn vị được cập nhật hồ sơ chất lượng.",
                "Only leaders, section heads or unit admins may keep quality records.");
        return unit!;
    }

    public static DomainError? Text(string? value, string field, string nameVi, string nameEn, int max = 4000) =>
        string.IsNullOrWhiteSpace(value) ? DomainError.Invalid(field, "required", $"Thiếu {nameVi}.", $"{nameEn} is required.")
        : value.Trim().Length > max ? DomainError.Invalid(field, "too-long", $"{nameVi} dài quá {max} ký tự.", $"{nameEn} is longer than {max} characters.")
        : null;

    public static DomainError NotFound(string what, string whatVi, string field) => DomainError.NotFound(what, whatVi) with { Field = field };
}
