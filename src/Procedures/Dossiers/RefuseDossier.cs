using Engine.Runtime;
using Procedures.Common;

namespace Procedures.Dossiers;

/// <summary>Refuses the dossier with a written reason (Form 03).</summary>
public sealed record RefuseDossier(Guid DossierId, string Actor, string Reason, int? ExpectedRevision = null);

/// <summary>
/// At <c>receive</c> it is a refusal to receive (portal code 3, not accepted); at <c>process</c>, <c>compile</c> or
/// <c>verify</c> (the appraisal finds it ineligible) or <c>sign</c> (the leader signs the refusal) processing stops (code 8). Either way the
/// result is Refused and the workflow ends through its <c>refuse</c> action.
/// </summary>
public sealed class RefuseDossierHandler(DossierUseCase useCase)
{
    public async Task<DomainResult<DossierState>> HandleAsync(RefuseDossier request, CancellationToken ct = default)
    {
        if (Required.Text(request.Reason, "reason", "lý do từ chối", "The reason for the refusal") is { } noReason) return noReason;
        var reason = request.Reason.Trim();
        return await useCase.MoveAsync(request.DossierId, request.Actor, request.ExpectedRevision, new DossierMove("refuse",
            item => item.StepId == DossierSteps.Receive ? "NotAccepted" : "Refused",
            DossierSteps.Receive, DossierSteps.Process, DossierSteps.Sign, DossierSteps.Compile, DossierSteps.Verify)
        {
            Comment = reason,
            MarksProcessing = false,
            Prepare = (work, item, _) =>
            {
                var (dossier, atReception) = (work.Dossier, item.StepId == DossierSteps.Receive);
                dossier.Status = atReception ? DossierStatus.NotAccepted : DossierStatus.Stopped;
                dossier.Result = DossierResult.Refused;
                dossier.FinishedAt = work.Now;
                dossier.ResultNote = reason;
                return Task.FromResult<DomainResult<DossierMoveInput>>(new DossierMoveInput(Messages: [OutboxMessage.From(new DossierRefused(
                    dossier.Id, dossier.Code!, item.Unit ?? dossier.ProcessingUnitId, atReception, reason, work.Now, CitizenContact.Of(dossier)))]));
            },
        }, ct);
    }
}
