using System.Collections.Frozen;

namespace Procedures.Calendar;

/// <summary>Everything that makes one deployment's working calendar; the defaults are the national ones.</summary>
public sealed record CalendarSettings
{
    public static CalendarSettings Default { get; } = new();

    /// <summary>Office periods of units without their own entry in <see cref="UnitOfficeHours"/>.</summary>
    public OfficeHours DefaultOfficeHours { get; init; } = OfficeHours.Default;

    /// <summary>Office periods by unit id (ordinal match); an unknown or null unit gets <see cref="DefaultOfficeHours"/>.</summary>
    public IReadOnlyDictionary<string, OfficeHours> UnitOfficeHours { get; init; } =
        FrozenDictionary<string, OfficeHours>.Empty;

    /// <summary>Dossiers received after this time of day count as received the next working day (a province setting, <see cref="CalendarRules"/>).</summary>
    public TimeOnly CutOff { get; init; } = CalendarRules.Default.CutOff;

    /// <summary>First year in which 24 Nov (Ngày Văn hóa Việt Nam) is a holiday; null: not observed (a province setting).</summary>
    public int? CultureDayFromYear { get; init; } = CalendarRules.Default.CultureDayFromYear;

    /// <summary>The government's per-year changes: làm bù Saturdays, extra days off, moved holidays.</summary>
    public IReadOnlyList<CalendarOverride> Overrides { get; init; } = [];
}
