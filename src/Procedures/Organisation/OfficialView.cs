using Microsoft.EntityFrameworkCore;
using Procedures.Persistence;

namespace Procedures.Organisation;

public sealed record MembershipView(
    Guid Id, Guid OfficialId, Guid UnitId, string UnitCode, string UnitName, IReadOnlyList<Role> Roles,
    DateOnly EffectiveFrom, DateOnly? EffectiveTo, Guid? DelegatedBy)
{
    public static MembershipView From(Membership m, Unit unit) =>
        new(m.Id, m.OfficialId, m.UnitId, unit.Code, unit.Name, [.. m.Roles], m.EffectiveFrom, m.EffectiveTo, m.DelegatedBy);
}

/// <summary>An official with every membership, past and present.</summary>
public sealed record OfficialView(
    Guid Id, string UserName, string FullName, string? Position, string? Email, string? Phone, bool IsActive,
    IReadOnlyList<MembershipView> Memberships)
{
    public static async Task<OfficialView> LoadAsync(ProceduresDb db, Guid officialId, CancellationToken ct)
    {
        var official = await db.Officials.AsNoTracking().Include(o => o.Memberships).SingleAsync(o => o.Id == officialId, ct);
        var unitIds = official.Memberships.Select(m => m.UnitId).ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        return new(official.Id, official.UserName, official.FullName, official.Position, official.Email, official.Phone, official.IsActive,
            official.Memberships.OrderBy(m => m.EffectiveFrom).ThenBy(m => units[m.UnitId].Code, StringComparer.Ordinal)
                .Select(m => MembershipView.From(m, units[m.UnitId])).ToList());
    }
}
