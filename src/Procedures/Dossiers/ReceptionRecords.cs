using Procedures.Catalogue;

namespace Procedures.Dossiers;

/// <summary>The applicant as entered at the counter or online (a contract, not the entity).</summary>
public sealed record ApplicantData(
    string FullName, string? IdNumber = null, string? Phone = null, string? Email = null, string? Address = null,
    DateOnly? BirthDate = null, string? OrganisationName = null, string? TaxCode = null)
{
    public Applicant ToEntity() => new()
    {
        FullName = FullName.Trim(), IdNumber = IdNumber?.Trim(), Phone = Phone?.Trim(), Email = Email?.Trim(),
        Address = Address?.Trim(), BirthDate = BirthDate, OrganisationName = OrganisationName?.Trim(), TaxCode = TaxCode?.Trim(),
    };

    public static ApplicantData From(Applicant a) =>
        new(a.FullName, a.IdNumber, a.Phone, a.Email, a.Address, a.BirthDate, a.OrganisationName, a.TaxCode);
}

/// <summary>
/// A document handed in: one of the procedure's documents (by id), or another paper by name. Copies and form
/// default to what the procedure asks for.
/// </summary>
public sealed record HandedDocument(Guid? ProcedureDocumentId, string? Name = null, int? Copies = null, DocumentForm? Form = null, Guid? AttachmentId = null);

/// <summary>What the clerk decides after checking the dossier.</summary>
public enum ReceptionDecision
{
    /// <summary>Complete: receipt with appointment (Form 01).</summary>
    Accept,
    /// <summary>Incomplete: every missing item listed at once (Form 02).</summary>
    RequestSupplement,
    /// <summary>Not eligible: refusal with reason (Form 03).</summary>
    Refuse,
}

/// <summary>What the counter prints: Form 01 (code, appointment, fee), Form 02 (missing items) or Form 03 (reason).</summary>
public sealed record ReceptionReceipt(
    Guid DossierId, string Code, DossierStatus Status, DateTimeOffset ReceivedAt, DateOnly ReceptionDay,
    DateTimeOffset? AppointmentAt, decimal Fee, Guid ReceivingUnitId, Guid ProcessingUnitId,
    IReadOnlyList<string> MissingItems, DateTimeOffset? SupplementDueAt, string? Reason);
