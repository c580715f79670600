using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Calendar;

/// <summary>
/// Enters one change the government announced for a year: an extra day off on a working day, a make-up working
/// Saturday or Sunday (làm bù), or a computed holiday cancelled (moved). One override per date.
/// </summary>
public sealed record AddCalendarOverride(DateOnly Date, CalendarOverrideKind Kind, string Name, string? Source = null);

public sealed class AddCalendarOverrideHandler(ProceduresDb db, CalendarProvider calendar, TimeProvider clock)
{
    public async Task<DomainResult<CalendarEntry>> HandleAsync(Actor actor, AddCalendarOverride request, CancellationToken ct = default)
    {
        if (!actor.IsSystemAdmin) return AdminAccess.NotSystemAdmin();
        if ((FieldRules.Required("name", request.Name, 300, "lý do") ?? CheckSource(request.Source)) is { } invalid) return invalid;
        if (request.Date.Year is < CalendarYearQuery.MinYear or > CalendarYearQuery.MaxYear)
            return DomainError.Invalid("date", "bad-year", "Ngày nằm ngoài phạm vi của lịch.", "The date is outside the calendar's range.");
        if (await db.CalendarOverrides.AnyAsync(o => o.Date == request.Date, ct)) return DateTaken();

        var isWeekend = request.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var isHoliday = HolidayRules.For(request.Date.Year, calendar.Current.Settings.CultureDayFromYear).Any(h => h.Date == request.Date);
        var refusal = request.Kind switch
        {
            CalendarOverrideKind.DayOff when isWeekend || isHoliday =>
                Refuse("not-a-working-day", "Ngày này vốn đã là ngày nghỉ.", "That day is already a day off."),
            CalendarOverrideKind.WorkingDay when !isWeekend =>
                Refuse("not-a-weekend", "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật; để hủy một ngày lễ hãy dùng loại hủy ngày nghỉ.",
                    "A make-up working day is a Saturday or Sunday; to cancel a holiday use RemoveHoliday."),
            CalendarOverrideKind.RemoveHoliday when !isHoliday =>
                Refuse("not-a-holiday", "Ngày này không phải ngày nghỉ lễ được tính sẵn.", "That day is not a computed holiday."),
            CalendarOverrideKind.DayOff or CalendarOverrideKind.WorkingDay or CalendarOverrideKind.RemoveHoliday => null,
            _ => DomainError.Invalid("kind", "bad-kind", "Loại điều chỉnh không hợp lệ.", "Unknown override kind."),
        };
        if (refusal is not null) return refusal;

        var record = new CalendarOverrideRecord
        {
            Id = Guid.CreateVersion7(), Date = request.Date, Kind = request.Kind, Name = request.Name.Trim(),
            Source = FieldRules.Blank(request.Source), CreatedAt = clock.GetUtcNow(), CreatedBy = actor.UserName,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.CalendarOverrides.Add(record);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException ex) when (FieldRules.IsUniqueViolation(ex)) { return DateTaken(); }
        await CalendarChanges.RecordAsync((NpgsqlTransaction)tx.GetDbTransaction(),
            new CalendarChanged(record.Date, record.Date, null, $"Điều chỉnh lịch: {record.Name} ({record.Date:dd/MM/yyyy})"), record.CreatedAt, ct);
        await tx.CommitAsync(ct);

        // This process answers with the new calendar at once; the others reload on the notification, and a worker moves the
        // open due dates. Dossiers already given an appointment keep theirs (docs/architecture.md, "Calendar changes").
        await calendar.ReloadAsync(db, ct);
        return new CalendarEntry(record.Date, record.Name, null, record.Kind, record.Id, false,
            calendar.Current.IsWorkingDay(record.Date), record.Source, record.CreatedBy, record.CreatedAt);
    }

    private static DomainError? CheckSource(string? source) => source is { Length: > 300 }
        ? DomainError.Invalid("source", "too-long", "Căn cứ dài quá 300 ký tự.", "The source is longer than 300 characters.") : null;

    private static DomainError Refuse(string code, string vi, string en) => DomainError.Invalid("date", code, vi, en);

    private static DomainError DateTaken() =>
        DomainError.Invalid("date", "date-taken", "Ngày này đã có điều chỉnh; hãy xóa điều chỉnh cũ trước.", "That date already has an override; remove it first.");
}
