using Microsoft.EntityFrameworkCore;
using Procedures.Documents;
using Procedures.Dossiers;
using Procedures.Forms;
using Procedures.Persistence;
using Worker.Templates;

namespace Worker.Messaging;

/// <summary>
/// The thin adapters from the dossier records the use cases write to the outbox (<see cref="DossierReceived"/>,
/// <see cref="SupplementRequested"/>, ...) to the worker's <see cref="CitizenNotice"/>. The records carry only how to
/// reach the citizen; the citizen's name, the procedure and unit names and the result documents are read here, at the
/// moment of sending. The notice keeps the record's message id, so a redelivered record is told once.
/// </summary>
public sealed class DossierNotices(ProceduresDb db, DocumentSettings documents)
{
    /// <summary>Said when the clerk listed missing items without a further reason: the items are the reason.</summary>
    public const string IncompleteReason = "Thành phần hồ sơ chưa đầy đủ theo quy định";

    public Task<CitizenNotice?> ReceivedAsync(Guid messageId, DossierReceived m, CancellationToken ct) =>
        BuildAsync(messageId, TemplateEvents.DossierReceived, m.DossierId, m.Code, m.ProcessingUnitId, m.Contact, ct, (values, _) =>
        {
            values["ReceivedDate"] = VietnameseFormat.Date(m.ReceivedAt);
            values["AppointmentDate"] = VietnameseFormat.Date(m.AppointmentAt);
        });

    public Task<CitizenNotice?> SupplementRequestedAsync(Guid messageId, SupplementRequested m, CancellationToken ct) =>
        BuildAsync(messageId, TemplateEvents.SupplementRequested, m.DossierId, m.Code, m.ReceivingUnitId, m.Contact, ct, (values, _) =>
        {
            values["MissingItems"] = string.Join("; ", m.MissingItems);
            values["SupplementDueDate"] = m.DueAt is { } due ? VietnameseFormat.Date(due) : "";
            values["Reason"] = IncompleteReason;
        });

    /// <summary>The citizen's own deadline is near: what is still missing and until when.</summary>
    public Task<CitizenNotice?> SupplementReminderAsync(Guid messageId, SupplementDueSoon m, CancellationToken ct) =>
        BuildAsync(messageId, TemplateEvents.SupplementReminder, m.DossierId, m.Code, m.ReceivingUnitId, m.Contact, ct, (values, _) =>
        {
            values["MissingItems"] = string.Join("; ", m.MissingItems);
            values["SupplementDueDate"] = VietnameseFormat.Date(m.DueAt);
        });

    public Task<CitizenNotice?> RefusedAsync(Guid messageId, DossierRefused m, CancellationToken ct) =>
        BuildAsync(messageId, TemplateEvents.DossierRefused, m.DossierId, m.Code, m.UnitId, m.Contact, ct, (values, _) =>
        {
            values["Reason"] = m.Reason;
            values["RefusedDate"] = VietnameseFormat.Date(m.At);
        });

    /// <summary>The supplement deadline passed: what happened, on which legal basis, and that a new submission is welcome.</summary>
    public Task<CitizenNotice?> ClosedUnsuppliedAsync(Guid messageId, DossierClosedUnsupplied m, CancellationToken ct) =>
        BuildAsync(messageId, TemplateEvents.DossierClosedUnsupplied, m.DossierId, m.Code, m.UnitId, m.Contact, ct, (values, _) =>
        {
            values["SupplementDueDate"] = VietnameseFormat.Date(m.SupplementDueAt);
            values["ClosedDate"] = VietnameseFormat.Date(m.At);
            values["Outcome"] = m.Outcome == Procedures.Catalogue.SupplementExpiry.CloseNotCompleted
                ? "được đóng do chưa hoàn thiện thành phần hồ sơ" : "bị từ chối giải quyết";
            values["LegalBasis"] = m.LegalBasis;
        });

    /// <summary>Form 04 is issued by the unit that caused the delay, so that unit apologises.</summary>
    public Task<CitizenNotice?> ApologyAsync(Guid messageId, ApologyIssued m, CancellationToken ct) =>
        BuildAsync(messageId, TemplateEvents.ApologyIssued, m.DossierId, m.Code, m.DelayUnitId, m.Contact, ct, (values, facts) =>
        {
            values["OldAppointmentDate"] = VietnameseFormat.Date(m.PreviousAppointmentAt);
            values["NewAppointmentDate"] = VietnameseFormat.Date(m.NewAppointmentAt);
            values["Reason"] = facts?.ApologyReason ?? "";
        });

    /// <summary>
    /// The result waits at the receiving unit, the unit the notice speaks for. A signed result (stored with the signing step,
    /// before this record was written) is told with <see cref="TemplateEvents.SignedResultReady"/>: where to download and check it.
    /// </summary>
    public async Task<CitizenNotice?> ResultReadyAsync(Guid messageId, ResultReady m, CancellationToken ct)
    {
        var signed = await db.Database.SqlQuery<bool>(
            $"SELECT EXISTS (SELECT 1 FROM procedures.signed_results WHERE dossier_id = {m.DossierId} AND kind = 'result') AS \"Value\"").SingleAsync(ct);
        return await BuildAsync(messageId, signed ? TemplateEvents.SignedResultReady : TemplateEvents.ResultReady, m.DossierId, m.Code,
            m.ReceivingUnitId, m.Contact, ct, (values, facts) =>
            {
                values["ReturnPlace"] = values["UnitName"];
                values["ResultName"] = facts?.ResultDocuments is { Count: > 0 } results ? string.Join("; ", results) : "kết quả giải quyết thủ tục hành chính";
                if (!signed) return;
                values["MyDossiersLink"] = new Uri(documents.TrackingBaseUrl, "/cong-dan/ho-so").ToString();
                values["VerificationLink"] = new Uri(documents.TrackingBaseUrl, "/xac-thuc").ToString();
            });
    }

    /// <summary>Once the result is handed over, the citizen is asked to rate the service (9 indicators).</summary>
    public Task<CitizenNotice?> RatingRequestAsync(Guid messageId, DossierReturned m, CancellationToken ct) =>
        BuildAsync(messageId, TemplateEvents.RatingRequested, m.DossierId, m.Code, m.ReceivingUnitId, m.Contact, ct,
            (values, _) => values["RatingLink"] = values["TrackingLink"] + "&danh-gia=1");

    /// <summary>What the notices read from the database, in one query: the dossier's applicant, procedure and apology, and the unit's name.</summary>
    private sealed record Facts(string? Name, string Procedure, List<string> ResultDocuments, string? ApologyReason, string? UnitName);

    private async Task<CitizenNotice?> BuildAsync(Guid messageId, string eventName, Guid dossierId, string code, Guid unitId,
        CitizenContact contact, CancellationToken ct, Action<Dictionary<string, string>, Facts?> specific)
    {
        if (contact.CitizenAccountId is null && string.IsNullOrWhiteSpace(contact.Email) && string.IsNullOrWhiteSpace(contact.Phone)) return null;
        var facts = await db.Dossiers.AsNoTracking().Where(d => d.Id == dossierId)
            .Join(db.Procedures, d => d.ProcedureId, p => p.Id, (d, p) => new Facts(d.Applicant.OrganisationName ?? d.Applicant.FullName, p.Name,
                p.ResultDocuments, d.ApologyReason, db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefault()))
            .SingleOrDefaultAsync(ct);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ProcedureName"] = facts?.Procedure ?? "",
            ["UnitName"] = facts is null ? await UnitNameAsync(unitId, ct) : facts.UnitName ?? "",
            ["TrackingLink"] = TrackingLink(code),
        };
        specific(values, facts);
        return new CitizenNotice(messageId, eventName, dossierId, code, contact.CitizenAccountId, contact.Email, contact.Phone, values,
            string.IsNullOrWhiteSpace(facts?.Name) ? "Ông/Bà" : facts.Name);
    }

    /// <summary>Only for a record whose dossier is gone; otherwise the name comes with the <see cref="Facts"/>.</summary>
    private async Task<string> UnitNameAsync(Guid unitId, CancellationToken ct) =>
        await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleOrDefaultAsync(ct) ?? "";

    /// <summary>The same link the receipt's QR code holds.</summary>
    private string TrackingLink(string code) => TrackingLinks.For(documents.TrackingBaseUrl, code).ToString();
}
