using Engine.Definitions;
using Procedures.Calendar;

namespace Procedures.Dossiers;

/// <summary>
/// A procedure answered at once whose law allows longer when the conditions must be verified (marriage registration:
/// Luật Hộ tịch 2014, Điều 18 khoản 2, at most 05 working days). The catalogue gives the same-day limit; when the
/// specialist decides to verify, the appointment moves to the definition's legal limit counted from the reception.
/// </summary>
internal static class VerificationTimeLimit
{
    /// <summary>The action that starts a verification (workflows/README.md, marriage registration).</summary>
    public const string Action = "verify";

    /// <summary>Moves the appointment to <paramref name="legalLimit"/> after the reception; the facts for the history row, or null when it does not move.</summary>
    public static object? ExtendAppointment(Dossier dossier, WorkingTime legalLimit, VietnameseCalendar calendar)
    {
        if (dossier.ClockStartedAt is not { } receivedAt || dossier.AppointmentAt is not { } appointment || legalLimit.Amount <= 0) return null;
        var limit = legalLimit.Unit == WorkingTimeUnit.Days ? LegalTimeLimit.WorkingDays(legalLimit.Amount) : LegalTimeLimit.WorkingHours(legalLimit.Amount);
        var extended = calendar.ComputeAppointment(receivedAt, limit, dossier.ReceivingUnitId.ToString()).ToUniversalTime();
        if (extended <= appointment) return null;
        dossier.AppointmentAt = extended;
        return new { verificationLimit = legalLimit.ToString(), previousAppointmentAt = appointment, appointmentAt = extended };
    }
}
