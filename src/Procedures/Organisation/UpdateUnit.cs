using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Persistence;

namespace Procedures.Organisation;

/// <summary>Replaces a unit's name and contacts. Code, type and place in the tree change through their own use cases.</summary>
public sealed record UpdateUnit(
    Guid UnitId, string Name, string? NameEn = null, string? Address = null, string? Phone = null, string? Email = null, string? OfficeHours = null);

public sealed class UpdateUnitHandler(ProceduresDb db, CalendarProvider calendar, TimeProvider clock)
{
    public async Task<DomainResult<UnitView>> HandleAsync(Actor actor, UpdateUnit request, CancellationToken ct = default)
    {
        if ((FieldRules.Required("name", request.Name, 300, "tên đơn vị")
            ?? FieldRules.CheckPhone(FieldRules.Blank(request.Phone)) ?? FieldRules.CheckEmail(FieldRules.Blank(request.Email))
            ?? FieldRules.CheckOfficeHours(FieldRules.Blank(request.OfficeHours))) is { } invalid) return invalid;
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == request.UnitId, ct);
        if (actor.CheckAdministers(unit) is { } denied) return denied;

        var hoursChanged = unit!.OfficeHours != FieldRules.Blank(request.OfficeHours);
        unit.Name = request.Name.Trim();
        unit.NameEn = FieldRules.Blank(request.NameEn);
        unit.Address = FieldRules.Blank(request.Address);
        unit.Phone = FieldRules.Blank(request.Phone);
        unit.Email = FieldRules.Blank(request.Email);
        unit.OfficeHours = FieldRules.Blank(request.OfficeHours);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        // Due times of the unit's work are counted in its office hours: every process reloads them, and the open ones move
        // from today on (hours of days already past are not rewritten).
        if (hoursChanged)
        {
            var today = clock.Today();
            await CalendarChanges.RecordAsync((NpgsqlTransaction)tx.GetDbTransaction(),
                new CalendarChanged(today, today, unit.Id, $"Giờ làm việc của {unit.Name}: {unit.OfficeHours ?? "giờ hành chính chung"}"), clock.GetUtcNow(), ct);
        }
        await tx.CommitAsync(ct);
        if (hoursChanged) await calendar.ReloadAsync(db, ct);
        return UnitView.From(unit);
    }
}
