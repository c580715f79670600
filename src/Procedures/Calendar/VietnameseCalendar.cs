using System.Collections.Frozen;
using Engine.Calendar;
using Engine.Definitions;

namespace Procedures.Calendar;

/// <summary>
/// The Vietnamese working calendar: Monday–Friday minus public holidays (<see cref="HolidayRules"/>) and the year's
/// overrides, office periods per unit, all in Vietnam time (UTC+7, no daylight saving since 1975).
/// <para>Time is measured as a position: a working day and the office time elapsed in it. Every working day of a
/// unit has the same office length L (7.5 h by default), so positions are linear and:</para>
/// <list type="bullet">
/// <item>An amount in hours is real office hours: <c>4h</c> walks 4 hours through the office periods.</item>
/// <item>An amount in days is whole working days: <c>Nd</c> lands at the same office moment N working days later
/// (Mon 10:00 + 1d = Tue 10:00); a fraction is counted in sessions (buổi): a working day is a morning and an afternoon
/// session and 0.5d is one session, whatever its length, at the same share of the next session (07:30 + 0.5d = 11:30,
/// 13:30 + 0.5d = 17:00, Mon 15:15 + 0.5d = Tue 09:30: halfway through each), which keeps <see cref="Add"/> monotonic
/// and additive (0.5d + 0.5d = 1d). So <see cref="WorkingHoursBetween"/> over one working day is L, not
/// <see cref="WorkingTime.HoursPerDay"/>: compare instants, not hour counts, to judge a day budget.</item>
/// <item>A start outside office hours counts from the next office moment (lunch → 13:30; evening, weekend or
/// holiday → the next working day's opening).</item>
/// <item>A result on a boundary is written as the end of the earlier stretch: the end of the morning period rather
/// than the start of the afternoon, and the close of the previous working day rather than the next opening
/// (Mon 17:00 + 1d = Tue 17:00, not Wed 07:30).</item>
/// </list>
/// Immutable and thread-safe; year tables are built on first use.
/// </summary>
public sealed partial class VietnameseCalendar : IWorkingCalendar
{
    /// <summary>Offset of every instant this calendar returns.</summary>
    public static readonly TimeSpan UtcOffset = Common.VietnamTime.Offset;

    private readonly WorkingDayIndex _days;
    private readonly DaySchedule _defaultSchedule;
    private readonly FrozenDictionary<string, DaySchedule> _unitSchedules;
    private readonly TimeOnly _cutOff;

    public VietnameseCalendar(CalendarSettings settings)
    {
        Settings = settings with
        {
            UnitOfficeHours = settings.UnitOfficeHours.ToFrozenDictionary(StringComparer.Ordinal),
            Overrides = [.. settings.Overrides],
        };
        _days = new WorkingDayIndex(settings.CultureDayFromYear, Settings.Overrides);
        _defaultSchedule = new DaySchedule(settings.DefaultOfficeHours);
        _unitSchedules = Settings.UnitOfficeHours.ToFrozenDictionary(u => u.Key, u => new DaySchedule(u.Value), StringComparer.Ordinal);
        _cutOff = settings.CutOff;
    }

    public VietnameseCalendar() : this(CalendarSettings.Default) { }

    /// <summary>The settings, copied at construction so later changes to the caller's collections do not leak in.</summary>
    public CalendarSettings Settings { get; }

    /// <inheritdoc />
    /// <remarks>A zero amount returns <paramref name="start"/> as is; a negative amount counts backwards.</remarks>
    public DateTimeOffset Add(DateTimeOffset start, WorkingTime amount, string? unitId = null)
    {
        if (amount.Amount == 0) return start.ToOffset(UtcOffset);
        var schedule = Schedule(unitId);
        var from = Locate(start, schedule);
        return Express(amount.Unit == WorkingTimeUnit.Days
            ? ShiftDays(from, amount.Amount, schedule)
            : Shift(from, Ticks(amount.Amount, TimeSpan.TicksPerHour), schedule), schedule);
    }

    /// <inheritdoc />
    /// <remarks>Real office hours: a full working day counts L (7.5 with default office hours).</remarks>
    public decimal WorkingHoursBetween(DateTimeOffset from, DateTimeOffset to, string? unitId = null)
    {
        var schedule = Schedule(unitId);
        var (a, b) = (Locate(from, schedule), Locate(to, schedule));
        var ticks = _days.Between(a.Day, b.Day) * schedule.Length + b.Elapsed - a.Elapsed;
        return (decimal)ticks / TimeSpan.TicksPerHour;
    }

    /// <inheritdoc />
    public bool IsWorkingTime(DateTimeOffset instant, string? unitId = null)
    {
        var (date, tickOfDay) = Local(instant);
        return _days.IsWorking(date) && Schedule(unitId).IsOpen(tickOfDay);
    }

    /// <summary>Whether offices are open that day (holidays are national, so the unit does not change the answer today).</summary>
    public bool IsWorkingDay(DateOnly date, string? unitId = null) => _days.IsWorking(date);

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => _days.OnOrAfter(date.AddDays(1));

    /// <summary>The year's days off after overrides (statutory, compensatory and extra), in date order.</summary>
    public IReadOnlyList<Holiday> Holidays(int year) => _days.Year(year).Holidays;

    /// <summary>Closing time of the unit on <paramref name="date"/>, or on the next working day when that date is off.</summary>
    public DateTimeOffset EndOfWorkingDay(DateOnly date, string? unitId = null)
    {
        var schedule = Schedule(unitId);
        return Express(new Position(_days.OnOrAfter(date), schedule.Length), schedule);
    }

    private DaySchedule Schedule(string? unitId) =>
        unitId is not null && _unitSchedules.TryGetValue(unitId, out var schedule) ? schedule : _defaultSchedule;

    // Budgets are nearly always whole numbers; integer maths avoids decimal rounding on the hot path.
    private static long Ticks(decimal amount, long ticksPerUnit) => decimal.IsInteger(amount)
        ? checked((long)amount * ticksPerUnit)
        : (long)decimal.Round(amount * ticksPerUnit, MidpointRounding.AwayFromZero);
}
