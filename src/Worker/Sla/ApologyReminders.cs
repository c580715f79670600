using Procedures.Calendar;

namespace Worker.Sla;

/// <summary>
/// The apology with a new appointment (Form 04) must reach the citizen at least one working day before the
/// appointment date. The reminder fires on the last day that still allows it: N working days before the appointment's
/// date (N = <see cref="SlaSettings.ApologyWorkingDaysBefore"/>), counting over weekends, holidays and make-up days.
/// </summary>
public static class ApologyReminders
{
    /// <summary>The working day on which the apology is due for an appointment at <paramref name="appointmentAt"/>.</summary>
    public static DateOnly ApologyDay(VietnameseCalendar calendar, SlaSettings settings, DateTimeOffset appointmentAt)
    {
        var day = Thresholds.VietnamDay(appointmentAt);
        for (var i = 0; i < settings.ApologyWorkingDaysBefore; i++)
        {
            day = day.AddDays(-1);
            while (!calendar.IsWorkingDay(day)) day = day.AddDays(-1);
        }
        return day;
    }

    public static bool IsDue(VietnameseCalendar calendar, SlaSettings settings, SlaSubject dossier, DateTimeOffset now) =>
        !dossier.ApologyIssued && Thresholds.VietnamDay(now) >= ApologyDay(calendar, settings, dossier.DueAt);

    /// <summary>
    /// Appointments before this instant may need their reminder today: those up to N working days after the last working
    /// day on or before today (so a sweep on Saturday still covers Monday's and Tuesday's appointments).
    /// </summary>
    public static DateTimeOffset Horizon(VietnameseCalendar calendar, SlaSettings settings, DateTimeOffset now)
    {
        var day = Thresholds.VietnamDay(now);
        while (!calendar.IsWorkingDay(day)) day = day.AddDays(-1);
        for (var i = 0; i < settings.ApologyWorkingDaysBefore; i++) day = calendar.NextWorkingDay(day);
        return new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnameseCalendar.UtcOffset);
    }
}
