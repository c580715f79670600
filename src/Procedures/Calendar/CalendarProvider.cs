using Engine.Calendar;
using Engine.Definitions;
using Microsoft.EntityFrameworkCore;
using Procedures.Persistence;

namespace Procedures.Calendar;

/// <summary>
/// The engine's calendar for the whole product: a <see cref="VietnameseCalendar"/> built from the province's stored
/// rules (cut-off, Culture Day), the per-year overrides and the units' own office hours, swapped atomically when an
/// admin changes them; with it the agency's <see cref="Dossiers.DossierRules"/>, which count on that calendar.
/// </summary>
public sealed class CalendarProvider : IWorkingCalendar
{
    private volatile VietnameseCalendar _current = new(CalendarSettings.Default);
    private volatile Dossiers.DossierRules _dossierRules = Dossiers.DossierRules.Default;

    public VietnameseCalendar Current => _current;

    /// <summary>The agency's dossier time rules (apology notice, reminders, due soon), reloaded with the calendar.</summary>
    public Dossiers.DossierRules DossierRules => _dossierRules;

    /// <summary>Rebuilds the calendar from the database (call at start-up and after every rule, override or unit change).</summary>
    public async Task ReloadAsync(ProceduresDb db, CancellationToken ct = default)
    {
        var rules = (await CalendarRulesStore.LoadAsync(db, ct)).Rules;
        var dossierRules = (await Dossiers.DossierRulesStore.LoadAsync(db, ct)).Rules;
        var overrides = await db.CalendarOverrides.AsNoTracking().OrderBy(o => o.Date).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.OfficeHours != null).Select(u => new { u.Id, u.OfficeHours }).ToListAsync(ct);
        var unitHours = new Dictionary<string, OfficeHours>();
        foreach (var unit in units)
            if (OfficeHoursText.TryParse(unit.OfficeHours, out var hours)) unitHours[unit.Id.ToString()] = hours;
        _current = new VietnameseCalendar(CalendarSettings.Default with
        {
            CutOff = rules.CutOff,
            CultureDayFromYear = rules.CultureDayFromYear,
            Overrides = overrides.Select(o => o.ToOverride()).ToList(),
            UnitOfficeHours = unitHours,
        });
        _dossierRules = dossierRules;
    }

    public DateTimeOffset Add(DateTimeOffset start, WorkingTime amount, string? unitId = null) => _current.Add(start, amount, unitId);
    public decimal WorkingHoursBetween(DateTimeOffset from, DateTimeOffset to, string? unitId = null) => _current.WorkingHoursBetween(from, to, unitId);
    public bool IsWorkingTime(DateTimeOffset instant, string? unitId = null) => _current.IsWorkingTime(instant, unitId);
}

/// <summary>Office hours written as <c>07:30-11:30,13:30-17:00</c>.</summary>
public static class OfficeHoursText
{
    public static bool TryParse(string? text, out OfficeHours hours)
    {
        hours = OfficeHours.Default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var periods = new List<OfficePeriod>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || !TimeOnly.TryParse(ends[0], System.Globalization.CultureInfo.InvariantCulture, out var from)
                || !TimeOnly.TryParse(ends[1], System.Globalization.CultureInfo.InvariantCulture, out var to)) return false;
            periods.Add(new OfficePeriod(from, to));
        }
        try { hours = new OfficeHours(periods); return true; }
        catch (ArgumentException) { return false; }
    }
}
