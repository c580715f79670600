using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Calendar;

/// <summary>Removes an override entered by mistake; the computed default applies again to that date.</summary>
public sealed record RemoveCalendarOverride(Guid OverrideId);

public sealed class RemoveCalendarOverrideHandler(ProceduresDb db, CalendarProvider calendar, TimeProvider clock)
{
    public async Task<DomainResult<DateOnly>> HandleAsync(Actor actor, RemoveCalendarOverride request, CancellationToken ct = default)
    {
        if (!actor.IsSystemAdmin) return AdminAccess.NotSystemAdmin();
        var record = await db.CalendarOverrides.SingleOrDefaultAsync(o => o.Id == request.OverrideId, ct);
        if (record is null) return DomainError.NotFound("calendar override", "điều chỉnh lịch") with { Field = "overrideId" };

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.CalendarOverrides.Remove(record);
        await db.SaveChangesAsync(ct);
        await CalendarChanges.RecordAsync((NpgsqlTransaction)tx.GetDbTransaction(),
            new CalendarChanged(record.Date, record.Date, null, $"Bỏ điều chỉnh lịch: {record.Name} ({record.Date:dd/MM/yyyy})"), clock.GetUtcNow(), ct);
        await tx.CommitAsync(ct);
        await calendar.ReloadAsync(db, ct);
        return record.Date;
    }
}
