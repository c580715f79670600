using System.Globalization;
using Engine.Definitions;
using Procedures.Calendar;

namespace Procedures.Dossiers;

/// <summary>
/// The public posting of a land dossier (niêm yết công khai, 15 days) is not counted in the procedure's time limit,
/// so the appointment given at reception moves by the working time the posting takes, when the specialist starts it.
/// </summary>
internal static class PublicPosting
{
    /// <summary>The appraisal's form field with the end of the posting (workflows/README.md, land-use certificate).</summary>
    public const string EndsAtField = "postingEndsAt";

    /// <summary>Moves the appointment past the uncounted posting; the facts for the history row, or null when nothing is posted.</summary>
    public static object? ExtendAppointment(Dossier dossier, IReadOnlyDictionary<string, string>? fields, DateTimeOffset now, VietnameseCalendar calendar)
    {
        if (fields is null || !fields.TryGetValue(EndsAtField, out var text) || dossier.AppointmentAt is not { } appointment
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var endsAt) || endsAt <= now)
            return null;
        var unit = dossier.ReceivingUnitId.ToString();
        var hours = calendar.WorkingHoursBetween(now, endsAt, unit);
        if (hours <= 0) return null;
        dossier.AppointmentAt = calendar.Add(appointment, WorkingTime.Hours(hours), unit).ToUniversalTime();
        return new { postingEndsAt = endsAt, uncountedWorkingHours = hours, previousAppointmentAt = appointment, appointmentAt = dossier.AppointmentAt };
    }
}
