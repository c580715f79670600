using Microsoft.EntityFrameworkCore;
using Procedures.Catalogue;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Forms;

namespace Procedures.Documents;

public sealed partial class DossierDocuments
{
    /// <summary>
    /// Form 01, for a dossier received complete with a code. It is the receipt as issued: received when the clock
    /// started (the complete reception, after a supplement if there was one) and the appointment promised then; an
    /// apology's new date is on Form 04. Lists the documents handed in. The QR code opens the tracking page at the configured
    /// public address, else at <paramref name="requestBase"/>, the address the official's browser used.
    /// </summary>
    public async Task<DomainResult<GeneratedDocument>> ReceiptAsync(Guid dossierId, string actor, CancellationToken ct = default, Uri? requestBase = null)
    {
        var loaded = await LoadAsync(dossierId, actor, ct);
        if (loaded.Error is { } notFound) return notFound;
        var (d, agency, applicant) = loaded.Value!;
        if (!ReceiptApplies(d) || d.Code is not { } code || d.Dates.ClockStartedAt is not { } receivedAt
            || (d.Dates.OriginalAppointmentAt ?? d.Dates.AppointmentAt) is not { } appointment)
            return NotApplicable("receipt-not-issued", Receipt, "hồ sơ chưa được tiếp nhận đủ thành phần nên chưa có ngày hẹn trả kết quả",
                "the dossier was not received complete, so it has no appointment");

        // In the procedure's order, other papers after them; the dossier's own row order is not reliable within a millisecond.
        var order = await db.ProcedureDocuments.AsNoTracking().Where(p => p.ProcedureId == d.ProcedureId).ToDictionaryAsync(p => p.Id, p => p.Order, ct);
        var documents = d.Documents.Where(x => x.Provided)
            .OrderBy(x => x.ProcedureDocumentId is { } id && order.TryGetValue(id, out var at) ? at : int.MaxValue)
            .Select(x => new FormDocumentLine(x.Name, x.Copies, x.Form.Vietnamese(), true)).ToList();
        // The dossier records the channel only once the result is handed over; until then the counter, where results are returned by default.
        var returnChannel = (d.Outcome.ReturnChannel ?? Channel.Counter).Vietnamese(agency.Name);
        var form = new ReceiptForm(agency, code, d.ProcedureName, applicant, documents, FormMapping.Vn(receivedAt), FormMapping.Vn(appointment),
            d.Fee, returnChannel, await FullNameAsync(d.Dates.ReceivedBy, ct), settings.TrackingPage(requestBase), await DigitisedAsync(d, order, ct));
        return GeneratedDocument.FromPdf($"phieu-hen-{code}", FormRenderer.Render(form));
    }

    /// <summary>
    /// The documents marked as digitised originals, in the receipt's order, with the SHA-256 and the official the dossier's
    /// history recorded when their scans were bound (AttachmentsAdded); a scan not bound yet is not listed.
    /// </summary>
    private async Task<IReadOnlyList<FormDigitisedLine>> DigitisedAsync(DossierDetails d, IReadOnlyDictionary<Guid, int> order, CancellationToken ct)
    {
        var bound = new Dictionary<Guid, (string Sha256, string Actor)>();
        foreach (var e in d.Events.Where(e => e.Kind == "AttachmentsAdded" && e.Data is not null))
            foreach (var a in BoundAttachments.Read(e.Data!))
                bound.TryAdd(a.Id, (a.Sha256, e.Actor));
        var lines = new List<FormDigitisedLine>();
        foreach (var x in d.Documents.Where(x => x.Provided && x.DigitisedOriginal)
            .OrderBy(x => x.ProcedureDocumentId is { } id && order.TryGetValue(id, out var at) ? at : int.MaxValue))
            if (x.AttachmentId is { } attachment && bound.TryGetValue(attachment, out var b))
                lines.Add(new FormDigitisedLine(x.Name, b.Sha256, await FullNameAsync(b.Actor, ct)));
        return lines;
    }
}
