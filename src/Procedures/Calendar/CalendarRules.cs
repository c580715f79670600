using Microsoft.EntityFrameworkCore;
using Procedures.Persistence;

namespace Procedures.Calendar;

/// <summary>
/// The province's calendar rules that DOMAIN.md marks as local choices or unverified readings (⚠): the reception cut-off
/// and the first year of Vietnamese Culture Day (24 Nov). One row for the province the deployment serves, in
/// <c>procedures.calendar_rules</c>; no row means <see cref="Default"/>.
/// </summary>
/// <param name="CutOff">Dossiers received after this time of day count as received the next working day.</param>
/// <param name="CultureDayFromYear">First year in which 24 Nov is a day off; null: not observed.</param>
public sealed record CalendarRules(TimeOnly CutOff, int? CultureDayFromYear)
{
    /// <summary>Today's national values: 15:00 (Decree 61/2018 Art. 20 as amended) and Culture Day from 2026.</summary>
    public static CalendarRules Default { get; } = new(new TimeOnly(15, 0), HolidayRules.DefaultCultureDayFromYear);
}

/// <summary>The stored rules with who changed them last and when (null for the defaults never changed).</summary>
public sealed record CalendarRulesView(TimeOnly CutOff, int? CultureDayFromYear, bool IsDefault, string? ChangedBy, DateTimeOffset? ChangedAt)
{
    public CalendarRules Rules => new(CutOff, CultureDayFromYear);
}

/// <summary>Reads the one row with its own SQL: the table is not in the EF model, so its migration needs no model change.</summary>
public static class CalendarRulesStore
{
    internal const int RowId = 1;

    public static async Task<CalendarRulesView> LoadAsync(ProceduresDb db, CancellationToken ct = default)
    {
        var rows = await db.Database.SqlQuery<StoredRules>($"""
            SELECT cut_off, culture_day_from_year, changed_by, changed_at FROM procedures.calendar_rules WHERE id = {RowId}
            """).ToListAsync(ct);
        return rows is [var row]
            ? new CalendarRulesView(TimeOnly.FromTimeSpan(row.CutOff), row.CultureDayFromYear, false, row.ChangedBy, row.ChangedAt)
            : new CalendarRulesView(CalendarRules.Default.CutOff, CalendarRules.Default.CultureDayFromYear, true, null, null);
    }

    // Column names follow the context's snake_case convention.
    internal sealed record StoredRules(TimeSpan CutOff, int? CultureDayFromYear, string? ChangedBy, DateTimeOffset? ChangedAt);

    internal sealed record StoredYear(int? CultureDayFromYear);
}

/// <summary>The province's rules as the calendar admin page shows them (system administrators).</summary>
public sealed class CalendarRulesQuery(ProceduresDb db)
{
    public async Task<Common.DomainResult<CalendarRulesView>> HandleAsync(Organisation.Actor actor, CancellationToken ct = default) =>
        actor.IsSystemAdmin ? await CalendarRulesStore.LoadAsync(db, ct) : Organisation.AdminAccess.NotSystemAdmin();
}
