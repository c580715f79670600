using Procedures.Catalogue;
using Procedures.Common;

namespace Procedures.Dossiers;

/// <summary>The applicant as entered at the counter or online (a contract, not the entity).</summary>
public sealed record ApplicantData(
    string FullName, string? IdNumber = null, string? Phone = null, string? Email = null, string? Address = null,
    DateOnly? BirthDate = null, string? OrganisationName = null, string? TaxCode = null)
{
    /// <summary>Cleaned here, not only on save: the name also goes into the workflow's variables (jsonb, where a NUL fails).</summary>
    public Applicant ToEntity() => new()
    {
        FullName = Clean(FullName)!, IdNumber = Clean(IdNumber), Phone = Clean(Phone), Email = Clean(Email),
        Address = Clean(Address), BirthDate = BirthDate, OrganisationName = Clean(OrganisationName), TaxCode = Clean(TaxCode),
    };

    private static string? Clean(string? text) => text is null ? null : CleanText.ForStorage(text, singleLine: true).Trim();

    public static ApplicantData From(Applicant a) =>
        new(a.FullName, a.IdNumber, a.Phone, a.Email, a.Address, a.BirthDate, a.OrganisationName, a.TaxCode);
}

/// <summary>
/// A document handed in: one of the procedure's documents (by id), or another paper by name. Copies and form
/// default to what the procedure asks for. <paramref name="DigitisedOriginal"/>: the clerk confirms the attached scan was
/// made from the paper original at the counter (bản số hóa từ bản gốc); it needs the scan.
/// </summary>
public sealed record HandedDocument(Guid? ProcedureDocumentId, string? Name = null, int? Copies = null, DocumentForm? Form = null, Guid? AttachmentId = null,
    bool DigitisedOriginal = false);

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
    IReadOnlyList<string> MissingItems, DateTimeOffset? SupplementDueAt, string? Reason, int Revision);
