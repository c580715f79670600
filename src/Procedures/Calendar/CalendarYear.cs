using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Persistence;

namespace Procedures.Calendar;

/// <summary>The year's calendar as an admin checks it against the government's announcement.</summary>
public sealed record ListCalendarYear(int Year);

/// <summary>
/// One day of the list: either a computed default holiday (<paramref name="HolidayKind"/> set; <paramref name="IsCancelled"/>
/// when an override on its date removes it) or a stored override (<paramref name="OverrideId"/> set).
/// <paramref name="IsWorkingDay"/> is what the engine counts after everything.
/// </summary>
public sealed record CalendarEntry(
    DateOnly Date, string Name, HolidayKind? HolidayKind, CalendarOverrideKind? OverrideKind, Guid? OverrideId,
    bool IsCancelled, bool IsWorkingDay, string? Source, string? CreatedBy, DateTimeOffset? CreatedAt)
{
    public bool IsComputed => HolidayKind is not null;
    public bool IsOverride => OverrideId is not null;
}

public sealed record CalendarYearView(int Year, int WorkingDays, IReadOnlyList<CalendarEntry> Entries);

public sealed class CalendarYearQuery(ProceduresDb db, CalendarProvider calendar)
{
    public const int MinYear = LunarCalendar.MinYear + 1, MaxYear = LunarCalendar.MaxYear;

    public async Task<DomainResult<CalendarYearView>> HandleAsync(ListCalendarYear request, CancellationToken ct = default)
    {
        if (request.Year is < MinYear or > MaxYear)
            return DomainError.Invalid("year", "bad-year", $"Lịch được tính cho các năm {MinYear}–{MaxYear}.", $"The calendar covers {MinYear}–{MaxYear}.");
        var current = calendar.Current;
        var (first, last) = (new DateOnly(request.Year, 1, 1), new DateOnly(request.Year, 12, 31));
        var overrides = await db.CalendarOverrides.AsNoTracking().Where(o => o.Date >= first && o.Date <= last).ToListAsync(ct);
        var overridden = overrides.Select(o => o.Date).ToHashSet();

        var computed = HolidayRules.For(request.Year, current.Settings.CultureDayFromYear).Select(h =>
            new CalendarEntry(h.Date, h.Name, h.Kind, null, null, overridden.Contains(h.Date),
                current.IsWorkingDay(h.Date), null, null, null));
        var stored = overrides.Select(o =>
            new CalendarEntry(o.Date, o.Name, null, o.Kind, o.Id, false, current.IsWorkingDay(o.Date), o.Source, o.CreatedBy, o.CreatedAt));
        var workingDays = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Count(i => current.IsWorkingDay(first.AddDays(i)));
        return new CalendarYearView(request.Year, workingDays,
            computed.Concat(stored).OrderBy(e => e.Date).ThenBy(e => e.IsOverride).ToList());
    }
}
