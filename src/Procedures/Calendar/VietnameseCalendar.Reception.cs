namespace Procedures.Calendar;

public sealed partial class VietnameseCalendar
{
    /// <summary>
    /// The working day a dossier counts as received: the day itself when it is a working day and the dossier came
    /// in at or before the cut-off (15:00 by default, even before opening), otherwise the next working day.
    /// </summary>
    public DateOnly ReceptionDay(DateTimeOffset receivedAt)
    {
        var (date, tickOfDay) = Local(receivedAt);
        return _days.IsWorking(date) && tickOfDay <= _cutOff.Ticks ? date : NextWorkingDay(date);
    }

    /// <summary>
    /// The appointment for the result (phiếu hẹn). A limit in working days starts the day after the reception day
    /// (Civil Code 2015 Art. 147: a period in days does not count its first day), so N days end at the close of the
    /// Nth working day after it: received Mon 10:00 with 3 days → Thu 17:00. Same-day ends at the close of the
    /// reception day (received Mon 15:05 → Tue 17:00). A fraction of a day counts in sessions (0.5 day = one session,
    /// the morning or the afternoon): 1.5 days from Mon end at Wed 11:30. A limit under one day is shorter than a day,
    /// so it does not skip the reception day but only the reception session: received in the morning (or before opening)
    /// with 0.5 day → 17:00 that day; in the afternoon up to the cut-off → 11:30 the next working day; after the cut-off
    /// the dossier counts as received at the next working day's opening → 17:00 that day. A limit in hours walks office
    /// hours from the moment of receipt, or from the opening of the reception day when the dossier counts as received on
    /// a later day.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative amount.</exception>
    public DateTimeOffset ComputeAppointment(DateTimeOffset receivedAt, LegalTimeLimit limit, string? unitId = null)
    {
        if (limit.Amount < 0) throw new ArgumentOutOfRangeException(nameof(limit), limit, "A time limit cannot be negative.");
        var schedule = Schedule(unitId);
        var day = ReceptionDay(receivedAt);
        var endOfDay = new Position(day, schedule.Length);
        switch (limit.Kind)
        {
            case LegalTimeLimitKind.SameDay:
                return Express(endOfDay, schedule);
            case LegalTimeLimitKind.WorkingDays:
                return Express(ShiftDays(limit.Amount < 1 ? EndOfReceptionSession(receivedAt, day, schedule) : endOfDay, limit.Amount, schedule), schedule);
            case LegalTimeLimitKind.WorkingHours:
                var receivedThatDay = Local(receivedAt).Date == day;
                var start = receivedThatDay ? Locate(receivedAt, schedule) : new Position(day, 0);
                if (limit.Amount == 0)
                    return receivedThatDay ? receivedAt.ToOffset(UtcOffset) : Express(start, schedule);
                return Express(Shift(start, Ticks(limit.Amount, TimeSpan.TicksPerHour), schedule), schedule);
            default:
                throw new ArgumentOutOfRangeException(nameof(limit), limit.Kind, "Unknown kind of time limit.");
        }
    }

    /// <summary>The end of the session in which the dossier counts as received: the morning's end, or the day's close.</summary>
    private Position EndOfReceptionSession(DateTimeOffset receivedAt, DateOnly day, DaySchedule schedule)
    {
        var (date, tickOfDay) = Local(receivedAt);
        var inTheMorning = date != day || schedule.ElapsedAt(tickOfDay) < schedule.Morning;
        return new Position(day, inTheMorning ? schedule.Morning : schedule.Length);
    }
}
