using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Persistence;

namespace Procedures.Organisation;

/// <summary>Creates a unit under <paramref name="ParentId"/> (a root when null: system admins only).</summary>
public sealed record CreateUnit(
    string Code, string Name, string TypeCode, Guid? ParentId, DateOnly? EffectiveFrom = null, string? NameEn = null,
    string? Address = null, string? Phone = null, string? Email = null, string? OfficeHours = null);

public sealed class CreateUnitHandler(ProceduresDb db, TimeProvider clock, CalendarProvider calendar)
{
    public async Task<DomainResult<UnitView>> HandleAsync(Actor actor, CreateUnit request, CancellationToken ct = default)
    {
        if (UnitRules.Check(request).FirstOrDefault() is { } invalid) return invalid;
        var from = request.EffectiveFrom ?? clock.Today();

        var parentPath = "/";
        if (request.ParentId is not { } parentId)
        {
            if (!actor.IsSystemAdmin) return AdminAccess.NotSystemAdmin();
        }
        else
        {
            var parent = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == parentId, ct);
            if (actor.CheckAdministers(parent, "parentId") is { } denied) return denied;
            if (!parent!.IsEffectiveOn(from))
                return DomainError.Invalid("parentId", "parent-not-effective", "Đơn vị cấp trên không còn hiệu lực vào ngày bắt đầu.",
                    "The parent unit is not in effect on the start date.");
            parentPath = parent.Path;
        }
        if (!await db.UnitTypes.AnyAsync(t => t.Code == request.TypeCode, ct))
            return DomainError.Invalid("typeCode", "unknown-type", "Loại đơn vị không tồn tại.", "No such unit type.");
        if (await db.Units.AnyAsync(u => u.Code == request.Code, ct)) return CodeTaken();

        var unit = new Unit
        {
            Id = Guid.CreateVersion7(), Code = request.Code, Name = request.Name.Trim(), NameEn = FieldRules.Blank(request.NameEn),
            TypeCode = request.TypeCode, ParentId = request.ParentId, Address = FieldRules.Blank(request.Address),
            Phone = FieldRules.Blank(request.Phone), Email = FieldRules.Blank(request.Email),
            OfficeHours = FieldRules.Blank(request.OfficeHours), EffectiveFrom = from,
        };
        unit.Path = $"{parentPath}{unit.Id}/";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Units.Add(unit);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException ex) when (FieldRules.IsUniqueViolation(ex)) { return CodeTaken(); }
        // A new unit has no work yet, so no due date moves; every process still needs its hours.
        if (unit.OfficeHours is not null)
            await CalendarChanges.NotifyAsync((NpgsqlTransaction)tx.GetDbTransaction(), $"Giờ làm việc của {unit.Name}: {unit.OfficeHours}", ct);
        await tx.CommitAsync(ct);

        if (unit.OfficeHours is not null) await calendar.ReloadAsync(db, ct);
        return UnitView.From(unit);
    }

    internal static DomainError CodeTaken() =>
        DomainError.Invalid("code", "code-taken", "Mã đơn vị đã được dùng.", "The unit code is already in use.");
}
