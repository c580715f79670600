using Npgsql;
using Procedures.Calendar;
using Procedures.Catalogue;
using Procedures.Dossiers;

namespace Procedures.Statistics;

/// <summary>
/// Turns dossier rows into <see cref="DossierFact"/>s: the only place the statistics use the working calendar. A
/// dossier that was never received (an online submission still waiting, or withdrawn before) has no fact.
/// </summary>
internal sealed class FactBuilder(VietnameseCalendar calendar, DossierSettings settings)
{
    private const string Columns = """
        d.id, d.code, d.processing_unit_id, d.receiving_unit_id, d.procedure_id, d.channel, d.status, d.received_at, d.received_by,
        d.clock_started_at, d.appointment_at, d.original_appointment_at, d.finished_at, d.result, d.supplement_requested_at,
        d.delay_unit_id, d.fee_amount
        """;

    /// <summary>Dossiers by id, with their last assignee and whether every handed-in document is scanned.</summary>
    public const string ByIdsSql = $"""
        SELECT {Columns}, a.receiver, g.digitised
        FROM procedures.dossiers d
        LEFT JOIN LATERAL (SELECT e.receiver FROM procedures.dossier_events e
                           WHERE e.dossier_id = d.id AND e.kind IN ('Assigned', 'Directed') AND e.receiver IS NOT NULL ORDER BY e.id DESC LIMIT 1) a ON true
        LEFT JOIN LATERAL (SELECT bool_and(x.attachment_id IS NOT NULL) AS digitised FROM procedures.dossier_documents x
                           WHERE x.dossier_id = d.id AND x.provided) g ON true
        WHERE d.id = ANY($1)
        """;

    /// <summary>Every dossier, for a rebuild: joins instead of per-row look-ups.</summary>
    public const string AllSql = $"""
        SELECT {Columns}, a.receiver, g.digitised
        FROM procedures.dossiers d
        LEFT JOIN (SELECT DISTINCT ON (dossier_id) dossier_id, receiver FROM procedures.dossier_events
                   WHERE kind IN ('Assigned', 'Directed') AND receiver IS NOT NULL ORDER BY dossier_id, id DESC) a ON a.dossier_id = d.id
        LEFT JOIN (SELECT dossier_id, bool_and(attachment_id IS NOT NULL) AS digitised FROM procedures.dossier_documents
                   WHERE provided GROUP BY dossier_id) g ON g.dossier_id = d.id
        WHERE d.received_at IS NOT NULL
        """;

    /// <summary>Reads the current row of <paramref name="reader"/>; null when the dossier does not count.</summary>
    public DossierFact? Build(NpgsqlDataReader r)
    {
        if (r.IsDBNull(7)) return null;
        var receivingUnit = r.GetGuid(3).ToString();
        var status = Enum.Parse<DossierStatus>(r.GetString(6));
        var receivedAt = r.GetFieldValue<DateTimeOffset>(7);
        var clock = NullableTime(r, 9);
        var appointment = NullableTime(r, 11) ?? NullableTime(r, 10);
        var finished = NullableTime(r, 12);
        var outcome = r.IsDBNull(13) ? (FactOutcome?)null : Enum.Parse<DossierResult>(r.GetString(13)) switch
        {
            DossierResult.Approved => FactOutcome.Approved,
            // Closed for want of the citizen's supplement: the citizen's side, like a withdrawal, not the office's refusal.
            DossierResult.Withdrawn or DossierResult.NotCompleted => FactOutcome.Withdrawn,
            _ => status == DossierStatus.NotAccepted ? FactOutcome.NotAccepted : FactOutcome.Refused,
        };
        if (finished is null) outcome = null;
        var processingUnit = r.GetGuid(2);
        var fact = new DossierFact
        {
            DossierId = r.GetGuid(0), Code = r.IsDBNull(1) ? null : r.GetString(1), ProcessingUnitId = processingUnit,
            ProcedureId = r.GetGuid(4), Channel = Enum.Parse<Channel>(r.GetString(5)),
            Official = (r.IsDBNull(17) ? null : r.GetString(17)) ?? (r.IsDBNull(8) ? "" : r.GetString(8)),
            ReceivedAt = receivedAt, ReceivedSlice = Slices.Of(receivedAt), ClockStartedAt = clock, AppointmentAt = appointment,
            FinishedAt = finished, FinishedSlice = finished is { } f ? Slices.Of(f) : null, Outcome = outcome,
            SupplementRequestedAt = NullableTime(r, 14), HasFee = r.GetDecimal(16) > 0, Digitised = !r.IsDBNull(18) && r.GetBoolean(18),
        };
        fact.SupplementSlice = fact.SupplementRequestedAt is { } s ? Slices.Of(s) : null;
        if (outcome == FactOutcome.Approved && finished is { } done && appointment is not null)
        {
            fact.Timeliness = DossierTimeliness.Judge(calendar, done, appointment, settings.EarlyMargin, receivingUnit);
            fact.ProcessingDays = WorkingDays(clock ?? receivedAt, done, receivingUnit);
            fact.DurationBucket = DurationBuckets.Of(fact.ProcessingDays.Value);
            if (fact.Timeliness == Timeliness.Late) fact.DelayUnitId = r.IsDBNull(15) ? processingUnit : r.GetGuid(15);
        }
        return fact;
    }

    /// <summary>Office time elapsed, in the unit's working days (a day is its office length, 7.5 h by default).</summary>
    private decimal WorkingDays(DateTimeOffset from, DateTimeOffset to, string unit)
    {
        var hours = calendar.WorkingHoursBetween(from, to, unit);
        var day = (decimal)(calendar.Settings.UnitOfficeHours.TryGetValue(unit, out var own) ? own : calendar.Settings.DefaultOfficeHours).Length.TotalHours;
        return Math.Max(0, Math.Round(hours / day, 2, MidpointRounding.AwayFromZero));
    }

    private static DateTimeOffset? NullableTime(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
}
