using Engine.Runtime;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>Refuses the dossier with a written reason (Form 03).</summary>
public sealed record RefuseDossier(Guid DossierId, string Actor, string Reason, int? ExpectedRevision = null);

/// <summary>
/// At <c>receive</c> it is a refusal to receive (portal code 3, not accepted); at <c>process</c>, <c>compile</c> or
/// <c>verify</c> (the appraisal finds it ineligible) or <c>sign</c> (the leader signs the refusal) processing stops (code 8). Either way the
/// result is Refused and the workflow ends through its <c>refuse</c> action.
/// </summary>
public sealed class RefuseDossierHandler(ProceduresDb db, WorkflowRuntime engine, OfficialDirectory officials,
    CalendarProvider calendar, TimeProvider clock, DossierSettings settings)
{
    public async Task<DomainResult<DossierState>> HandleAsync(RefuseDossier request, CancellationToken ct = default)
    {
        if (Required.Text(request.Reason, "reason", "lý do từ chối", "The reason for the refusal") is { } noReason) return noReason;
        var opened = await DossierWork.OpenAsync(db, officials, calendar, clock, settings, request.DossierId, request.Actor, request.ExpectedRevision, ct);
        if (opened.Error is { } notFound) return notFound;
        await using var work = opened.Value!;
        var item = work.ItemFor("refuse", DossierSteps.Receive, DossierSteps.Process, DossierSteps.Sign, DossierSteps.Compile, DossierSteps.Verify);
        if (item.Error is { } cannot) return cannot;

        var dossier = work.Dossier;
        var atReception = item.Value!.StepId == DossierSteps.Receive;
        var reason = request.Reason.Trim();
        dossier.Status = atReception ? DossierStatus.NotAccepted : DossierStatus.Stopped;
        dossier.Result = DossierResult.Refused;
        dossier.FinishedAt = work.Now;
        dossier.ResultNote = reason;
        var moved = await work.CompleteAsync(engine, item.Value, "refuse", reason, null, [OutboxMessage.From(new DossierRefused(
            dossier.Id, dossier.Code!, item.Value.Unit ?? dossier.ProcessingUnitId, atReception, reason, work.Now, CitizenContact.Of(dossier)))], ct);
        if (moved.Error is { } failed) return failed;
        await work.RecordAsync(atReception ? "NotAccepted" : "Refused", item.Value, reason, null, moved.Value, ct);
        await work.CommitAsync(ct);
        return work.State();
    }
}
