using static Procedures.Calendar.LunarAstronomy;

namespace Procedures.Calendar;

/// <summary>
/// Gregorian ⇄ Vietnamese lunar dates, computed astronomically for UTC+7 (Hồ Ngọc Đức's algorithm).
/// Deliberately not <see cref="System.Globalization.ChineseLunisolarCalendar"/>: it reckons in UTC+8,
/// which puts a new moon (and so Tết or a leap month) on a different day in some years.
/// </summary>
public static class LunarCalendar
{
    /// <summary>Vietnam's offset from UTC, the meridian the months are reckoned on.</summary>
    public const double UtcOffsetHours = 7;

    /// <summary>Supported Gregorian years; the series lose accuracy far outside them.</summary>
    public const int MinYear = 1900, MaxYear = 2199;

    // Julian day number of DateOnly.MinValue (0001-01-01 proleptic Gregorian).
    private const int JulianDayOfDayNumberZero = 1721426;

    public static LunarDate FromGregorian(DateOnly date)
    {
        CheckYear(date.Year, nameof(date));
        var day = date.DayNumber + JulianDayOfDayNumberZero;
        var k = (int)Math.Floor((day - NewMoonEpoch) / SynodicMonth);
        var monthStart = NewMoonDay(k + 1, UtcOffsetHours);
        if (monthStart > day) monthStart = NewMoonDay(k, UtcOffsetHours);

        // a11 and b11 are the starts of the two month-11s (the months holding the winter solstice) around the date.
        var a11 = Month11Start(date.Year);
        var b11 = a11;
        int year;
        if (a11 >= monthStart)
        {
            year = date.Year;
            a11 = Month11Start(date.Year - 1);
        }
        else
        {
            year = date.Year + 1;
            b11 = Month11Start(date.Year + 1);
        }

        var diff = (monthStart - a11) / 29;
        var month = diff + 11;
        var leap = false;
        if (b11 - a11 > 365) // 13 months between the two month-11s: one of them is a leap month
        {
            var leapOffset = LeapMonthOffset(a11);
            if (diff >= leapOffset)
            {
                month = diff + 10;
                leap = diff == leapOffset;
            }
        }
        if (month > 12) month -= 12;
        if (month >= 11 && diff < 4) year--;
        return new LunarDate(year, month, day - monthStart + 1, leap);
    }

    /// <exception cref="ArgumentOutOfRangeException">No such lunar date (day 30 of a short month, a leap month that year lacks).</exception>
    public static DateOnly ToGregorian(LunarDate date) =>
        TryToGregorian(date, out var result)
            ? result
            : throw new ArgumentOutOfRangeException(nameof(date), date, "No such lunar date.");

    public static bool TryToGregorian(LunarDate date, out DateOnly result)
    {
        result = default;
        CheckYear(date.Year, nameof(date));
        if (date.Month is < 1 or > 12 || date.Day is < 1 or > 30) return false;

        var (a11, b11) = date.Month < 11
            ? (Month11Start(date.Year - 1), Month11Start(date.Year))
            : (Month11Start(date.Year), Month11Start(date.Year + 1));
        var k = (int)Math.Floor(0.5 + (a11 - NewMoonEpoch) / SynodicMonth);
        var offset = date.Month - 11;
        if (offset < 0) offset += 12;
        if (b11 - a11 > 365)
        {
            var leapOffset = LeapMonthOffset(a11);
            var leapMonth = leapOffset - 2;
            if (leapMonth < 0) leapMonth += 12;
            if (date.IsLeapMonth && date.Month != leapMonth) return false;
            if (date.IsLeapMonth || offset >= leapOffset) offset++;
        }
        else if (date.IsLeapMonth) return false;

        var monthStart = NewMoonDay(k + offset, UtcOffsetHours);
        if (date.Day > NewMoonDay(k + offset + 1, UtcOffsetHours) - monthStart) return false;
        result = DateOnly.FromDayNumber(monthStart + date.Day - 1 - JulianDayOfDayNumberZero);
        return true;
    }

    /// <summary>Tết: lunar 1/1 of <paramref name="lunarYear"/>, which falls in the Gregorian year of the same number.</summary>
    public static DateOnly NewYear(int lunarYear) => ToGregorian(new LunarDate(lunarYear, 1, 1));

    /// <summary>
    /// The last day of lunar year <paramref name="lunarYear"/> (29 or 30 of month 12, giao thừa), i.e. the eve of
    /// <c>NewYear(lunarYear + 1)</c>: <c>LunarNewYearsEve(2025)</c> is 2026-02-16.
    /// </summary>
    public static DateOnly LunarNewYearsEve(int lunarYear) => NewYear(lunarYear + 1).AddDays(-1);

    /// <summary>Start of the lunar month 11 (the one holding the winter solstice) of a Gregorian year.</summary>
    private static int Month11Start(int gregorianYear)
    {
        var offset = new DateOnly(gregorianYear, 12, 31).DayNumber + JulianDayOfDayNumberZero - 2415021;
        var k = (int)Math.Floor(offset / SynodicMonth);
        var newMoon = NewMoonDay(k, UtcOffsetHours);
        // Sun already past 270° (sector 9) at that new moon: the solstice month began one moon earlier.
        return SunSector(newMoon, UtcOffsetHours) >= 9 ? NewMoonDay(k - 1, UtcOffsetHours) : newMoon;
    }

    /// <summary>Months after month 11 to the leap month: the first month without a major solar term.</summary>
    private static int LeapMonthOffset(int a11)
    {
        var k = (int)Math.Floor((a11 - NewMoonEpoch) / SynodicMonth + 0.5);
        var i = 1;
        var sector = SunSector(NewMoonDay(k + i, UtcOffsetHours), UtcOffsetHours);
        int last;
        do
        {
            last = sector;
            i++;
            sector = SunSector(NewMoonDay(k + i, UtcOffsetHours), UtcOffsetHours);
        } while (sector != last && i < 14);
        return i - 1;
    }

    private static void CheckYear(int year, string paramName)
    {
        if (year is < MinYear or > MaxYear)
            throw new ArgumentOutOfRangeException(paramName, year, $"Lunar dates are computed for {MinYear}–{MaxYear}.");
    }
}
