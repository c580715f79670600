namespace Procedures.Calendar;

public enum CalendarOverrideKind
{
    /// <summary>An extra day off (e.g. a weekday given off in a Tết swap).</summary>
    DayOff,
    /// <summary>A working day on a date that would otherwise be off: a make-up Saturday (làm bù).</summary>
    WorkingDay,
    /// <summary>Cancels the computed default holiday(s) on the date, e.g. when the government moves a Tết day.</summary>
    RemoveHoliday,
}

/// <summary>
/// One year-specific change to the computed calendar, as published by the government each year. Overrides are
/// final: they are applied after the default holidays and compensatory days are computed, and nothing is
/// recomputed from them. When several overrides name the same date the last one in the list wins.
/// </summary>
public sealed record CalendarOverride(DateOnly Date, CalendarOverrideKind Kind, string Name);
