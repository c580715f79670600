using Procedures.Catalogue;

namespace Procedures.Dossiers;

/// <summary>
/// How the worker reaches the citizen: the citizen account and the contact points a notification needs; never
/// the name, address or identity number.
/// </summary>
public sealed record CitizenContact(Guid? CitizenAccountId, string? Phone, string? Email)
{
    public static CitizenContact Of(Dossier dossier) =>
        new(dossier.CitizenAccountId, dossier.Applicant.Phone, dossier.Applicant.Email);
}

/// <summary>The dossier was received complete: receipt with appointment (Form 01), also after a supplement.</summary>
public sealed record DossierReceived(
    Guid DossierId, string Code, Guid ReceivingUnitId, Guid ProcessingUnitId, Guid ProcedureId,
    DateTimeOffset ReceivedAt, DateTimeOffset AppointmentAt, decimal Fee, CitizenContact Contact);

/// <summary>Missing items were listed, all at once (Form 02).</summary>
public sealed record SupplementRequested(
    Guid DossierId, string Code, Guid ReceivingUnitId, IReadOnlyList<string> MissingItems,
    DateTimeOffset? DueAt, CitizenContact Contact);

/// <summary>The citizen's supplement deadline comes soon and the supplement is not in yet.</summary>
public sealed record SupplementDueSoon(
    Guid DossierId, string Code, Guid ReceivingUnitId, IReadOnlyList<string> MissingItems, DateTimeOffset DueAt, CitizenContact Contact);

/// <summary>Refused at reception or during processing, with the written reason (Form 03).</summary>
public sealed record DossierRefused(
    Guid DossierId, string Code, Guid UnitId, bool AtReception, string Reason, DateTimeOffset At, CitizenContact Contact);

/// <summary>
/// The citizen did not hand in the supplement by its deadline, so the supplement sweep ended the dossier as the procedure's
/// supplement rules say (<paramref name="Outcome"/>: refused with Form 03, or closed as not completed). Its own record, so the
/// citizen is told what happened, on which legal basis, and that they may submit again, rather than read a refusal's words.
/// </summary>
public sealed record DossierClosedUnsupplied(
    Guid DossierId, string Code, Guid UnitId, bool AtReception, SupplementExpiry Outcome, DateTimeOffset SupplementDueAt,
    string LegalBasis, DateTimeOffset At, CitizenContact Contact);

/// <summary>The agency apologised and set a new appointment (Form 04).</summary>
public sealed record ApologyIssued(
    Guid DossierId, string Code, Guid DelayUnitId, DateTimeOffset PreviousAppointmentAt,
    DateTimeOffset NewAppointmentAt, CitizenContact Contact);

/// <summary>The result is signed and waits at the receiving unit.</summary>
public sealed record ResultReady(
    Guid DossierId, string Code, Guid ReceivingUnitId, DateTimeOffset FinishedAt, DateTimeOffset? AppointmentAt, CitizenContact Contact);

/// <summary>The result was handed over (counter, post or online).</summary>
public sealed record DossierReturned(
    Guid DossierId, string Code, Guid ReceivingUnitId, DateTimeOffset ReturnedAt, Channel Channel,
    Timeliness? Timeliness, CitizenContact Contact);

/// <summary>The citizen withdrew the dossier.</summary>
public sealed record DossierWithdrawn(
    Guid DossierId, string? Code, Guid ReceivingUnitId, DateTimeOffset At, CitizenContact Contact);
