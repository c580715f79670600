namespace Procedures.Tests.Calendar;

/// <summary>Shorthands for instants in Vietnam time.</summary>
internal static class CalendarTime
{
    public static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, Vietnam);
}
