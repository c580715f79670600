using Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>The clerk receives the citizen's supplement: the documents handed in now.</summary>
public sealed record ReceiveSupplement(Guid DossierId, string Actor, IReadOnlyList<HandedDocument> Documents, string? Note = null, int? ExpectedRevision = null);

/// <summary>
/// The clock restarts (Decree 61 as amended): the legal time limit counts again, in full, from the complete
/// reception, so <see cref="Dossier.ClockStartedAt"/> is now and a new appointment is computed (and becomes the
/// original one: a supplement is not a delay). The conventions send the workflow back to <c>receive</c>, where
/// this clerk has just checked the dossier, so that step is accepted in the same transaction.
/// </summary>
public sealed class ReceiveSupplementHandler(DossierUseCase useCase)
{
    public async Task<DomainResult<DossierState>> HandleAsync(ReceiveSupplement request, CancellationToken ct = default)
    {
        return await useCase.RunAsync(request.DossierId, request.Actor, request.ExpectedRevision, work => ActAsync(work, request, ct), ct);
    }

    private async Task<DomainError?> ActAsync(DossierWork work, ReceiveSupplement request, CancellationToken ct)
    {
        var item = work.ItemFor("supplement-received", DossierSteps.AwaitSupplement);
        if (item.Error is { } cannot) return cannot;
        var (dossier, now) = (work.Dossier, work.Now);
        var procedure = await useCase.Db.Procedures.AsNoTracking().Include(p => p.RequiredDocuments).SingleAsync(p => p.Id == dossier.ProcedureId, ct);
        var handed = ReceptionRules.Documents(procedure, request.Documents ?? [], dossier.Id, fromSupplement: true);
        if (handed.Error is { } badDocument) return badDocument;
        foreach (var row in handed.Value!.Where(r => r.Provided))
            if (row.ProcedureDocumentId is { } id && dossier.Documents.FirstOrDefault(d => d.ProcedureDocumentId == id) is { } existing)
                (existing.Provided, existing.FromSupplement, existing.Copies, existing.Form, existing.AttachmentId) =
                    (true, true, row.Copies, row.Form, row.AttachmentId ?? existing.AttachmentId);
            else dossier.Documents.Add(row);
        if (ReceptionRules.Missing(procedure, dossier.Documents) is { Count: > 0 } missing) return ReceptionRules.Incomplete(missing);

        var wasAccepted = dossier.AppointmentAt is not null;
        dossier.ClockStartedAt = now;
        dossier.AppointmentAt = dossier.OriginalAppointmentAt = work.Calendar.ComputeAppointment(now, procedure.TimeLimit, work.ReceivingUnit).ToUniversalTime();
        dossier.MissingItems = [];
        dossier.SupplementDueAt = null;
        dossier.Status = wasAccepted ? DossierStatus.Processing : DossierStatus.Accepted;
        var moved = await work.CompleteAsync(useCase.Engine, item.Value!, "supplement-received", request.Note, null,
            [OutboxMessage.From(new DossierReceived(dossier.Id, dossier.Code!, dossier.ReceivingUnitId, dossier.ProcessingUnitId,
                dossier.ProcedureId, now, dossier.AppointmentAt.Value, dossier.FeeAmount, CitizenContact.Of(dossier)))], ct);
        if (moved.Error is { } failed) return failed;
        await work.RecordAsync("SupplementReceived", item.Value, request.Note,
            new { clockStartedAt = now, appointmentAt = dossier.AppointmentAt, documents = handed.Value!.Where(d => d.Provided).Select(d => d.Name) }, moved.Value, ct);

        if (work.OpenItems.FirstOrDefault(w => w.StepId == DossierSteps.Receive && work.Actor.Holds(w.Role, w.Unit)) is { } receive)
        {
            var accepted = await work.CompleteAsync(useCase.Engine, receive, "accept", null, null, null, ct);
            if (accepted.Error is { } notAccepted) return notAccepted;
            await work.RecordAsync("Received", receive, null, new { appointmentAt = dossier.AppointmentAt, afterSupplement = true }, accepted.Value, ct);
        }
        return null;
    }
}
