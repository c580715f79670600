using Procedures.Catalogue;

namespace Procedures.Dossiers;

/// <summary>How a dossier ended, when it has.</summary>
/// <summary>How a dossier ended; <see cref="NotCompleted"/>: closed because the citizen did not complete it in time (no refusal decision).</summary>
public enum DossierResult { Approved, Refused, Withdrawn, NotCompleted }

/// <summary>The person or business that applies. Personal data: never shown on public tracking.</summary>
public sealed class Applicant
{
    public string FullName { get; set; } = "";
    /// <summary>Citizen identity number (CCCD) or passport.</summary>
    public string? IdNumber { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    /// <summary>For a business or organisation applicant.</summary>
    public string? OrganisationName { get; set; }
    public string? TaxCode { get; set; }
}

/// <summary>
/// One application (hồ sơ). Its workflow instance holds where it is; this row holds what the citizen,
/// the portal and the ISO records need: code, status, dates of the clock, result, return and archive.
/// </summary>
public sealed class Dossier
{
    public Guid Id { get; set; }
    /// <summary><c>&lt;unit code&gt;-&lt;yyMMdd&gt;-&lt;NNNN&gt;</c>; null until received (an online submission waiting for its check).</summary>
    public string? Code { get; set; }
    public Guid ProcedureId { get; set; }
    public Guid ReceivingUnitId { get; set; }
    public Guid ProcessingUnitId { get; set; }
    public Channel Channel { get; set; }
    public Applicant Applicant { get; set; } = new();
    /// <summary>The citizen account that submitted online, when any.</summary>
    public Guid? CitizenAccountId { get; set; }
    public DossierStatus Status { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public string? ReceivedBy { get; set; }
    /// <summary>When the legal time limit started counting: reception, or the complete supplement (the clock restarts).</summary>
    public DateTimeOffset? ClockStartedAt { get; set; }
    public DateTimeOffset? AppointmentAt { get; set; }
    /// <summary>The appointment first promised, kept when an apology sets a new one.</summary>
    public DateTimeOffset? OriginalAppointmentAt { get; set; }

    public DateTimeOffset? SupplementRequestedAt { get; set; }
    public DateTimeOffset? SupplementDueAt { get; set; }
    public List<string> MissingItems { get; set; } = [];
    public int SupplementCount { get; set; }

    public DateTimeOffset? ApologyAt { get; set; }
    public string? ApologyReason { get; set; }
    public Guid? DelayUnitId { get; set; }
    public string? ApologyBy { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
    public DossierResult? Result { get; set; }
    public string? ResultNote { get; set; }
    public string? SignedBy { get; set; }
    /// <summary>Whom the signer signed for (ký thay, KT.), when a deputy signed.</summary>
    public string? SignedOnBehalfOf { get; set; }
    /// <summary>The dossier as a whole when its result was ready: early, on time or late against the (possibly reset) appointment.</summary>
    public Timeliness? Timeliness { get; set; }

    public DateTimeOffset? ReturnedAt { get; set; }
    public Channel? ReturnChannel { get; set; }
    public DateTimeOffset? ArchivedAt { get; set; }
    public DateOnly? RetainUntil { get; set; }

    public decimal FeeAmount { get; set; }
    public int? Pages { get; set; }
    public int? Copies { get; set; }

    public Guid? WorkflowInstanceId { get; set; }
    public List<DossierDocument> Documents { get; set; } = [];
    public int Revision { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A document of the dossier, checked against the procedure's required documents.</summary>
public sealed class DossierDocument
{
    public Guid Id { get; set; }
    public Guid DossierId { get; set; }
    public Guid? ProcedureDocumentId { get; set; }
    public string Name { get; set; } = "";
    public int Copies { get; set; } = 1;
    public DocumentForm Form { get; set; }
    public bool Provided { get; set; }
    /// <summary>Stored file, when scanned or uploaded.</summary>
    public Guid? AttachmentId { get; set; }
    /// <summary>Handed in with a supplement rather than at reception.</summary>
    public bool FromSupplement { get; set; }
    /// <summary>
    /// The clerk confirmed the scan is the digitised original (bản số hóa từ bản gốc): scanned from the paper original at the
    /// counter. Its SHA-256 is in the dossier's history (AttachmentsAdded); the receipt lists it.
    /// </summary>
    public bool DigitisedOriginal { get; set; }
}
