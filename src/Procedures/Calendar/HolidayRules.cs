namespace Procedures.Calendar;

/// <summary>
/// The default public holidays of a year, from the Labour Code 2019 Art. 112, before any per-year override.
/// <list type="bullet">
/// <item>1 Jan; 30 Apr; 1 May; Hùng Kings' day (lunar 10/3, in a year with a leap 3rd month the first one).</item>
/// <item>Tết, 5 days: lunar new year's eve and lunar 1/1 to 1/4. The government fixes the real days every year;
/// its decision comes in as overrides.</item>
/// <item>2 Sep plus one adjacent day: 1 Sep, or 3 Sep when 2 Sep is a Monday (so the pair stays on weekdays).</item>
/// <item>24 Nov, Vietnamese Culture Day, from <c>cultureDayFromYear</c> (2026 by default; null: not observed). The year is a
/// province setting (<see cref="CalendarRules"/>) because the resolution that makes it a day off was not verified.</item>
/// <item>Every statutory day, Tết included, that falls on Saturday or Sunday gives a compensatory day (nghỉ bù) on the
/// next weekday that is neither a statutory holiday nor already a compensatory day; holidays are compensated in
/// date order, so a Tết weekend pushes its compensatory days past the end of the Tết block.</item>
/// <item>Two statutory holidays on the same date (possible for Hùng Kings' day and 30 Apr in rare years) are both
/// listed and give no extra day: the law is silent, so the government's decision is entered as an override.</item>
/// </list>
/// The same rules are applied to every year; years before 2021 (Labour Code 2012: 2 Sep alone) need overrides.
/// </summary>
public static class HolidayRules
{
    public const int DefaultCultureDayFromYear = 2026;

    public static IReadOnlyList<Holiday> For(int year, int? cultureDayFromYear = DefaultCultureDayFromYear)
    {
        var statutory = Statutory(year, cultureDayFromYear);
        var taken = statutory.Select(h => h.Date).ToHashSet();
        var all = new List<Holiday>(statutory);
        foreach (var holiday in statutory.Where(h => IsWeekend(h.Date)))
        {
            var day = holiday.Date.AddDays(1);
            while (IsWeekend(day) || taken.Contains(day)) day = day.AddDays(1);
            taken.Add(day);
            all.Add(new Holiday(day, $"Nghỉ bù {holiday.Name}", HolidayKind.Compensatory));
        }
        return [.. all.OrderBy(h => h.Date).ThenBy(h => h.Kind)];
    }

    /// <summary>The statutory days alone, in date order: 11 a year, 12 from the Culture Day year.</summary>
    public static IReadOnlyList<Holiday> Statutory(int year, int? cultureDayFromYear = DefaultCultureDayFromYear)
    {
        var eve = LunarCalendar.LunarNewYearsEve(year - 1);
        var tet = LunarCalendar.NewYear(year);
        var nationalDay = new DateOnly(year, 9, 2);
        var adjacent = nationalDay.DayOfWeek == DayOfWeek.Monday ? nationalDay.AddDays(1) : nationalDay.AddDays(-1);
        var list = new List<Holiday>
        {
            Statutory(new DateOnly(year, 1, 1), "Tết Dương lịch"),
            Statutory(eve, "Tết Nguyên đán (giao thừa)"),
            Statutory(tet, "Tết Nguyên đán (mùng 1)"),
            Statutory(tet.AddDays(1), "Tết Nguyên đán (mùng 2)"),
            Statutory(tet.AddDays(2), "Tết Nguyên đán (mùng 3)"),
            Statutory(tet.AddDays(3), "Tết Nguyên đán (mùng 4)"),
            Statutory(LunarCalendar.ToGregorian(new LunarDate(year, 3, 10)), "Giỗ Tổ Hùng Vương"),
            Statutory(new DateOnly(year, 4, 30), "Ngày Giải phóng miền Nam, thống nhất đất nước"),
            Statutory(new DateOnly(year, 5, 1), "Ngày Quốc tế Lao động"),
            Statutory(nationalDay, "Quốc khánh"),
            Statutory(adjacent, "Quốc khánh (ngày liền kề)"),
        };
        if (year >= cultureDayFromYear) list.Add(Statutory(new DateOnly(year, 11, 24), "Ngày Văn hóa Việt Nam"));
        return [.. list.OrderBy(h => h.Date)];
    }

    internal static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static Holiday Statutory(DateOnly date, string name) => new(date, name, HolidayKind.Statutory);
}
