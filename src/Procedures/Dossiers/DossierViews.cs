using Engine.Queries;
using Procedures.Catalogue;

namespace Procedures.Dossiers;

public sealed record DocumentView(Guid Id, Guid? ProcedureDocumentId, string Name, int Copies, DocumentForm Form, bool Provided, bool FromSupplement, Guid? AttachmentId,
    bool DigitisedOriginal = false);

/// <summary>A row of the process-control sheet (Form 05).</summary>
public sealed record EventView(long Id, DateTimeOffset At, string Kind, string Actor, string ActorName, Guid? ActorUnitId, string? Receiver,
    string? ReceiverName, string? Step, string? Comment, DateTimeOffset? DueAt, Timeliness? Timeliness, string? Data);

public sealed record ConsultationView(Guid Id, Guid ConsultedUnitId, string Subject, DateTimeOffset RequestedAt, string RequestedBy,
    DateTimeOffset? DueAt, DateTimeOffset? RepliedAt, string? RepliedBy, string? Reply)
{
    /// <summary>Replied after its deadline, or still unanswered past it.</summary>
    public bool IsLate(DateTimeOffset now) => DueAt is { } due && (RepliedAt ?? now) > due;
}

/// <summary>Everything an official taking part sees of one dossier; <paramref name="Revision"/> is read with it, for <c>ETag</c>.</summary>
public sealed record DossierDetails(
    Guid Id, string? Code, DossierStatus Status, string StatusVi, string StatusEn,
    Guid ProcedureId, string ProcedureCode, string ProcedureName, Guid ReceivingUnitId, Guid ProcessingUnitId, Channel Channel,
    ApplicantData Applicant, Guid? CitizenAccountId, DossierDates Dates, DossierOutcome Outcome, decimal Fee,
    IReadOnlyList<string> MissingItems, IReadOnlyList<DocumentView> Documents, IReadOnlyList<EventView> Events,
    IReadOnlyList<WorkItemView> OpenWorkItems, IReadOnlyList<ConsultationView> Consultations, int Revision = 0);

public sealed record DossierDates(
    DateTimeOffset? SubmittedAt, DateTimeOffset? ReceivedAt, string? ReceivedBy, DateTimeOffset? ClockStartedAt,
    DateTimeOffset? AppointmentAt, DateTimeOffset? OriginalAppointmentAt, DateTimeOffset? SupplementRequestedAt, DateTimeOffset? SupplementDueAt,
    DateTimeOffset? ApologyAt, string? ApologyReason, Guid? DelayUnitId, DateTimeOffset? FinishedAt, DateTimeOffset? ReturnedAt,
    DateTimeOffset? ArchivedAt, DateOnly? RetainUntil);

public sealed record DossierOutcome(DossierResult? Result, string? ResultNote, string? SignedBy, string? SignedOnBehalfOf,
    Timeliness? Timeliness, Channel? ReturnChannel);

internal static class DossierMapping
{
    public static DossierDates Dates(Dossier d) => new(d.SubmittedAt, d.ReceivedAt, d.ReceivedBy, d.ClockStartedAt, d.AppointmentAt,
        d.OriginalAppointmentAt, d.SupplementRequestedAt, d.SupplementDueAt, d.ApologyAt, d.ApologyReason, d.DelayUnitId, d.FinishedAt,
        d.ReturnedAt, d.ArchivedAt, d.RetainUntil);

    public static DossierOutcome Outcome(Dossier d) => new(d.Result, d.ResultNote, d.SignedBy, d.SignedOnBehalfOf, d.Timeliness, d.ReturnChannel);

    public static DocumentView Document(DossierDocument d) => new(d.Id, d.ProcedureDocumentId, d.Name, d.Copies, d.Form, d.Provided, d.FromSupplement, d.AttachmentId, d.DigitisedOriginal);

    public static EventView Event(DossierEvent e) => new(e.Id, e.At, e.Kind, e.Actor, e.ActorName, e.ActorUnitId, e.Receiver, e.ReceiverName,
        e.Step, e.Comment, e.DueAt, e.Timeliness, e.Data);

    public static ConsultationView Consultation(Consultation c) => new(c.Id, c.ConsultedUnitId, c.Subject, c.RequestedAt, c.RequestedBy,
        c.DueAt, c.RepliedAt, c.RepliedBy, c.Reply);
}
