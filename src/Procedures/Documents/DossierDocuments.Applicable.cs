using Procedures.Dossiers;

namespace Procedures.Documents;

public sealed partial class DossierDocuments
{
    /// <summary>
    /// The forms (01–05) that can be produced for the dossier as it stands, by the tests the forms themselves make, so a page
    /// lists only these: Form 02 once a supplement was requested, 03 for a refusal, 04 after an apology.
    /// </summary>
    public static IReadOnlyList<string> ApplicableForms(DossierDetails d) =>
        [.. new[] { ("01", ReceiptApplies(d)), ("02", SupplementRequestApplies(d)), ("03", RefusalApplies(d)), ("04", ApologyApplies(d)), ("05", ProcessControlApplies(d)) }
            .Where(f => f.Item2).Select(f => f.Item1)];

    private static bool ReceiptApplies(DossierDetails d) =>
        d.Code is not null && d.Dates.ClockStartedAt is not null && (d.Dates.OriginalAppointmentAt ?? d.Dates.AppointmentAt) is not null;

    private static bool SupplementRequestApplies(DossierDetails d) => d.Dates.ReceivedAt is not null && d.Events.Any(e => e.Kind == "SupplementRequested");

    private static bool RefusalApplies(DossierDetails d) => d.Outcome.Result == DossierResult.Refused && d.Dates.FinishedAt is not null;

    private static bool ApologyApplies(DossierDetails d) =>
        d.Dates is { ApologyAt: not null, DelayUnitId: not null, ReceivedAt: not null }
        && d.Events.LastOrDefault(e => e.Kind == "Apologised") is { } apology
        && (EventFacts.Instant(apology, "previousAppointmentAt") ?? d.Dates.OriginalAppointmentAt) is not null
        && (EventFacts.Instant(apology, "newAppointmentAt") ?? d.Dates.AppointmentAt) is not null;

    private static bool ProcessControlApplies(DossierDetails d) => d.Code is not null && d.Dates is { ReceivedAt: not null, AppointmentAt: not null };
}
