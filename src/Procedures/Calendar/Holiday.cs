namespace Procedures.Calendar;

public enum HolidayKind
{
    /// <summary>A day off named by the Labour Code 2019 Art. 112 (or its computed Tết default).</summary>
    Statutory,
    /// <summary>Nghỉ bù: a weekday off because a statutory holiday fell on Saturday or Sunday.</summary>
    Compensatory,
    /// <summary>An extra day off declared for one year (<see cref="CalendarOverrideKind.DayOff"/>).</summary>
    DayOff,
}

/// <summary>A day on which offices are closed, with its Vietnamese name.</summary>
public sealed record Holiday(DateOnly Date, string Name, HolidayKind Kind);
