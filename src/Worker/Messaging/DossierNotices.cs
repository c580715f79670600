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
        BuildAsync(messageId, TemplateEvents.DossierReceived, m.DossierId, m.Code, m.ProcessingUnitId, m.Contact, ct, values =>
        {
            values["ReceivedDate"] = VietnameseFormat.Date(m.ReceivedAt);
            values["AppointmentDate"] = VietnameseFormat.Date(m.AppointmentAt);
            return Task.CompletedTask;
        });

    public Task<CitizenNotice?> SupplementRequestedAsync(Guid messageId, SupplementRequested m, CancellationToken ct) =>
        BuildAsync(messageId, TemplateEvents.SupplementRequested, m.DossierId, m.Code, m.ReceivingUnitId, m.Contact, ct, values =>
        {
            values["MissingItems"] = string.Join("; ", m.MissingItems);
            values["SupplementDueDate"] = m.DueAt is { } due ? VietnameseFormat.Date(due) : "";
            values["Reason"] = IncompleteReason;
            return Task.CompletedTask;
        });

    public Task<CitizenNotice?> RefusedAsync(Guid messageId, DossierRefused m, CancellationToken ct) =>
        BuildAsync(messageId, TemplateEvents.DossierRefused, m.DossierId, m.Code, m.UnitId, m.Contact, ct, values =>
        {
            values["Reason"] = m.Reason;
            return Task.CompletedTask;
        });

    /// <summary>Form 04 is issued by the unit that caused the delay, so that unit apologises.</summary>
    public Task<CitizenNotice?> ApologyAsync(Guid messageId, ApologyIssued m, CancellationToken ct) =>
        BuildAsync(messageId, TemplateEvents.ApologyIssued, m.DossierId, m.Code, m.DelayUnitId, m.Contact, ct, async values =>
        {
            values["OldAppointmentDate"] = VietnameseFormat.Date(m.PreviousAppointmentAt);
            values["NewAppointmentDate"] = VietnameseFormat.Date(m.NewAppointmentAt);
            values["Reason"] = await db.Dossiers.Where(d => d.Id == m.DossierId).Select(d => d.ApologyReason).SingleOrDefaultAsync(ct) ?? "";
        });

    public Task<CitizenNotice?> ResultReadyAsync(Guid messageId, ResultReady m, CancellationToken ct) =>
        BuildAsync(messageId, TemplateEvents.ResultReady, m.DossierId, m.Code, m.ReceivingUnitId, m.Contact, ct, async values =>
        {
            values["ReturnPlace"] = await UnitNameAsync(m.ReceivingUnitId, ct);
            var results = await db.Dossiers.Where(d => d.Id == m.DossierId)
                .Join(db.Procedures, d => d.ProcedureId, p => p.Id, (d, p) => p.ResultDocuments).SingleOrDefaultAsync(ct);
            values["ResultName"] = results is { Count: > 0 } ? string.Join("; ", results) : "kết quả giải quyết thủ tục hành chính";
        });

    /// <summary>Once the result is handed over, the citizen is asked to rate the service (9 indicators).</summary>
    public Task<CitizenNotice?> RatingRequestAsync(Guid messageId, DossierReturned m, CancellationToken ct) =>
        BuildAsync(messageId, TemplateEvents.RatingRequested, m.DossierId, m.Code, m.ReceivingUnitId, m.Contact, ct, values =>
        {
            values["RatingLink"] = values["TrackingLink"] + "&danh-gia=1";
            return Task.CompletedTask;
        });

    private async Task<CitizenNotice?> BuildAsync(Guid messageId, string eventName, Guid dossierId, string code, Guid unitId,
        CitizenContact contact, CancellationToken ct, Func<Dictionary<string, string>, Task> specific)
    {
        if (contact.CitizenAccountId is null && string.IsNullOrWhiteSpace(contact.Email) && string.IsNullOrWhiteSpace(contact.Phone)) return null;
        var dossier = await db.Dossiers.AsNoTracking().Where(d => d.Id == dossierId)
            .Join(db.Procedures, d => d.ProcedureId, p => p.Id, (d, p) => new { Name = d.Applicant.OrganisationName ?? d.Applicant.FullName, Procedure = p.Name })
            .SingleOrDefaultAsync(ct);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ProcedureName"] = dossier?.Procedure ?? "",
            ["UnitName"] = await UnitNameAsync(unitId, ct),
            ["TrackingLink"] = TrackingLink(code),
        };
        await specific(values);
        return new CitizenNotice(messageId, eventName, dossierId, code, contact.CitizenAccountId, contact.Email, contact.Phone, values,
            string.IsNullOrWhiteSpace(dossier?.Name) ? "Ông/Bà" : dossier.Name);
    }

    private async Task<string> UnitNameAsync(Guid unitId, CancellationToken ct) =>
        await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleOrDefaultAsync(ct) ?? "";

    /// <summary>The same link the receipt's QR code holds.</summary>
    private string TrackingLink(string code) => TrackingLinks.For(documents.TrackingBaseUrl, code).ToString();
}
