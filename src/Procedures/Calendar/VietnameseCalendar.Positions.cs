namespace Procedures.Calendar;

public sealed partial class VietnameseCalendar
{
    /// <summary>A working day and the office time (ticks, 0..L) elapsed in it. (d, L) and (next working day, 0) are the same moment of working time.</summary>
    private readonly record struct Position(DateOnly Day, long Elapsed);

    private Position Locate(DateTimeOffset instant, DaySchedule schedule)
    {
        var (date, tickOfDay) = Local(instant);
        return _days.IsWorking(date)
            ? new Position(date, schedule.ElapsedAt(tickOfDay))
            : new Position(_days.OnOrAfter(date), 0);
    }

    /// <summary>Moves by office time; a result on a day boundary is kept as the close of the earlier working day.</summary>
    private Position Shift(Position from, long ticks, DaySchedule schedule)
    {
        var total = from.Elapsed + ticks;
        var days = Math.DivRem(total, schedule.Length, out var rest);
        if (rest < 0) (days, rest) = (days - 1, rest + schedule.Length);
        return rest == 0
            ? new Position(_days.Move(from.Day, days - 1), schedule.Length)
            : new Position(_days.Move(from.Day, days), rest);
    }

    /// <summary>
    /// Moves by an amount of working days: whole days keep the office moment; a fraction is counted in sessions, each
    /// session half a day (0.5 d = one session), proportionally within a session (see <see cref="DaySchedule.ToDayUnits"/>).
    /// </summary>
    private Position ShiftDays(Position start, decimal days, DaySchedule schedule)
    {
        var ticks = Ticks(days, schedule.Length);
        if (decimal.IsInteger(days)) return Shift(start, ticks, schedule);
        var moved = Shift(start with { Elapsed = schedule.ToDayUnits(start.Elapsed) }, ticks, schedule);
        return moved with { Elapsed = schedule.FromDayUnits(moved.Elapsed) };
    }

    private static DateTimeOffset Express(Position position, DaySchedule schedule)
    {
        var tickOfDay = position.Elapsed == 0 ? schedule.Opens.Ticks : schedule.TickOfDayAt(position.Elapsed);
        return new DateTimeOffset(position.Day.DayNumber * TimeSpan.TicksPerDay + tickOfDay, UtcOffset);
    }

    /// <summary>The date and time of day in Vietnam, by tick arithmetic (no time zone look-up: UTC+7 all year).</summary>
    private static (DateOnly Date, long TickOfDay) Local(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks + UtcOffset.Ticks;
        return (DateOnly.FromDayNumber((int)(ticks / TimeSpan.TicksPerDay)), ticks % TimeSpan.TicksPerDay);
    }
}
