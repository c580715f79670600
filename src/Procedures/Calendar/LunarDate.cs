namespace Procedures.Calendar;

/// <summary>A date of the Vietnamese lunisolar calendar (âm lịch).</summary>
/// <param name="Year">Lunar year; month 1 of lunar year Y begins at Tết, between 21 January and 20 February of Gregorian year Y.</param>
/// <param name="Month">1 to 12.</param>
/// <param name="Day">1 to 29 or 30.</param>
/// <param name="IsLeapMonth">True for the intercalary month (tháng nhuận) that repeats <paramref name="Month"/>.</param>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth = false)
{
    public override string ToString() => $"{Day}/{Month}{(IsLeapMonth ? " nhuận" : "")}/{Year} âm lịch";
}
