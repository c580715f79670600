using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Calendar;

/// <summary>Sets the province's reception cut-off and the first year of Vietnamese Culture Day (null: not observed).</summary>
public sealed record UpdateCalendarRules(TimeOnly CutOff, int? CultureDayFromYear);

/// <summary>
/// A system administrator changes the rules; every process reloads its calendar on the <c>NOTIFY</c> at commit. Moving the
/// Culture Day year changes which days are off, so the open due dates on those days are recomputed (the outbox row);
/// a new cut-off changes only receptions from now on, since appointments already given are promises kept.
/// </summary>
public sealed class UpdateCalendarRulesHandler(ProceduresDb db, CalendarProvider calendar, TimeProvider clock)
{
    public async Task<DomainResult<CalendarRulesView>> HandleAsync(Actor actor, UpdateCalendarRules request, CancellationToken ct = default)
    {
        if (!actor.IsSystemAdmin) return AdminAccess.NotSystemAdmin();
        if (Check(request, calendar.Current.Settings.DefaultOfficeHours) is { } invalid) return invalid;

        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The row lock orders two admins saving at once, so each change's recomputation range is taken from what it replaces.
        var before = await db.Database.SqlQuery<CalendarRulesStore.StoredYear>($"""
            SELECT culture_day_from_year FROM procedures.calendar_rules WHERE id = {CalendarRulesStore.RowId} FOR UPDATE
            """).ToListAsync(ct);
        var previousYear = before is [var stored] ? stored.CultureDayFromYear : CalendarRules.Default.CultureDayFromYear;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO procedures.calendar_rules (id, cut_off, culture_day_from_year, changed_by, changed_at)
            VALUES ({CalendarRulesStore.RowId}, {request.CutOff.ToTimeSpan()}, {request.CultureDayFromYear}, {actor.UserName}, {now})
            ON CONFLICT (id) DO UPDATE SET cut_off = excluded.cut_off, culture_day_from_year = excluded.culture_day_from_year,
                changed_by = excluded.changed_by, changed_at = excluded.changed_at
            """, ct);
        var npgsqlTx = (NpgsqlTransaction)tx.GetDbTransaction();
        var reason = $"Quy tắc lịch: nhận hồ sơ đến {request.CutOff:HH\\:mm}, Ngày Văn hóa Việt Nam "
            + (request.CultureDayFromYear is { } year ? $"từ năm {year}" : "không áp dụng");
        if (ChangedDays(previousYear, request.CultureDayFromYear) is var (from, to))
            await CalendarChanges.RecordAsync(npgsqlTx, new CalendarChanged(from, to, null, reason), now, ct);
        else
            await CalendarChanges.NotifyAsync(npgsqlTx, reason, ct);
        await tx.CommitAsync(ct);

        await calendar.ReloadAsync(db, ct);
        return await CalendarRulesStore.LoadAsync(db, ct);
    }

    /// <summary>The days whose working status changes when Culture Day starts in another year (24 Nov and its compensatory days).</summary>
    internal static (DateOnly From, DateOnly To)? ChangedDays(int? before, int? after)
    {
        if (before == after) return null;
        var first = Math.Min(before ?? CalendarYearQuery.MaxYear + 1, after ?? CalendarYearQuery.MaxYear + 1);
        var last = Math.Max(before ?? CalendarYearQuery.MaxYear + 1, after ?? CalendarYearQuery.MaxYear + 1) - 1;
        return (new DateOnly(first, 11, 24), new DateOnly(last, 12, 31));
    }

    private static DomainError? Check(UpdateCalendarRules request, OfficeHours hours)
    {
        if (request.CutOff.Second != 0 || request.CutOff.Millisecond != 0 || request.CutOff <= hours.Opens || request.CutOff > hours.Closes)
            return DomainError.Invalid("cutOff", "bad-cut-off",
                $"Giờ chốt nhận hồ sơ phải là giờ:phút trong giờ làm việc ({hours.Opens:HH\\:mm}–{hours.Closes:HH\\:mm}).",
                $"The cut-off must be an hour and minute within office hours ({hours.Opens:HH\\:mm}–{hours.Closes:HH\\:mm}).");
        if (request.CultureDayFromYear is { } year && year is < CalendarYearQuery.MinYear or > CalendarYearQuery.MaxYear)
            return DomainError.Invalid("cultureDayFromYear", "bad-year",
                $"Năm bắt đầu Ngày Văn hóa Việt Nam phải trong {CalendarYearQuery.MinYear}–{CalendarYearQuery.MaxYear}, hoặc để trống nếu không áp dụng.",
                $"Culture Day's first year must be within {CalendarYearQuery.MinYear}–{CalendarYearQuery.MaxYear}, or empty when not observed.");
        return null;
    }
}
