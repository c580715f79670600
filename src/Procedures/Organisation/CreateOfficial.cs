using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Persistence;

namespace Procedures.Organisation;

/// <summary>
/// Creates an official with a first membership: an official always starts in a unit, so that some admin can
/// see and manage them.
/// </summary>
public sealed record CreateOfficial(
    string UserName, string FullName, Guid UnitId, IReadOnlyList<Role> Roles, string? Position = null,
    string? Email = null, string? Phone = null, DateOnly? EffectiveFrom = null);

public sealed class CreateOfficialHandler(ProceduresDb db, TimeProvider clock)
{
    public async Task<DomainResult<OfficialView>> HandleAsync(Actor actor, CreateOfficial request, CancellationToken ct = default)
    {
        if ((FieldRules.CheckUserName(request.UserName) ?? FieldRules.Required("fullName", request.FullName, 200, "họ và tên")
            ?? FieldRules.CheckEmail(FieldRules.Blank(request.Email)) ?? FieldRules.CheckPhone(FieldRules.Blank(request.Phone))) is { } invalid)
            return invalid;
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UnitId, ct);
        if (actor.CheckAdministers(unit) is { } denied) return denied;
        if (RoleGrants.Check(actor, unit!, request.Roles) is { } refused) return refused;
        var from = request.EffectiveFrom ?? clock.Today();
        if (!unit!.IsEffectiveOn(from))
            return DomainError.Invalid("unitId", "unit-not-effective", "Đơn vị không có hiệu lực vào ngày bắt đầu.", "The unit is not in effect on the start date.");
        if (await db.Officials.AnyAsync(o => o.UserName == request.UserName, ct)) return UserNameTaken();

        var official = new Official
        {
            Id = Guid.CreateVersion7(), UserName = request.UserName, FullName = request.FullName.Trim(),
            Position = FieldRules.Blank(request.Position), Email = FieldRules.Blank(request.Email), Phone = FieldRules.Blank(request.Phone),
        };
        official.Memberships.Add(new Membership
        {
            Id = Guid.CreateVersion7(), OfficialId = official.Id, UnitId = unit.Id, Roles = [.. request.Roles], EffectiveFrom = from,
            DelegatedBy = request.Roles.Contains(Role.UnitAdmin) ? actor.OfficialId : null,
        });
        db.Officials.Add(official);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException ex) when (FieldRules.IsUniqueViolation(ex)) { return UserNameTaken(); }
        return await OfficialView.LoadAsync(db, official.Id, ct);
    }

    private static DomainError UserNameTaken() =>
        DomainError.Invalid("userName", "user-name-taken", "Tên đăng nhập đã được dùng.", "The user name is already in use.");
}
