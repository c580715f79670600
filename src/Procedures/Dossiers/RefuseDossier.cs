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
/// <remarks>
/// With a signer configured, Form 03 is signed by the refusing official before the dossier moves (<see cref="SignedIssue"/>) and
/// stored with the refusal in its transaction; a refused or timed-out signature leaves the dossier as it was.
/// </remarks>
public sealed class RefuseDossierHandler(DossierUseCase useCase, Signatures.FormSigning forms)
{
    static readonly string[] Steps = [DossierSteps.Receive, DossierSteps.Process, DossierSteps.Sign, DossierSteps.Compile, DossierSteps.Verify];

    public async Task<DomainResult<DossierState>> HandleAsync(RefuseDossier request, CancellationToken ct = default)
    {
        if (Required.Text(request.Reason, "reason", "lý do từ chối", "The reason for the refusal") is { } noReason) return noReason;
        var reason = request.Reason.Trim();
        SignedIssue? signature = null;
        if (forms.Enabled)
        {
            var signed = await SignedIssue.SignAsync(useCase, forms, request.DossierId, request.Actor, request.ExpectedRevision, async (work, at) =>
            {
                var item = work.ItemFor("refuse", Steps);
                if (item.Error is { } cannot) return cannot;
                return await forms.RefusalAsync(work, item.Value!, reason, at, ct);
            }, ct);
            if (signed.Error is { } unsigned) return unsigned;
            signature = signed.Value;
        }
        var answer = await useCase.MoveAsync(request.DossierId, request.Actor, signature?.Pending.Revision ?? request.ExpectedRevision, new DossierMove("refuse",
            item => item.StepId == DossierSteps.Receive ? "NotAccepted" : "Refused", Steps)
        {
            Comment = reason,
            MarksProcessing = false,
            Prepare = async (work, item, token) =>
            {
                if (signature is { Pending: var pending, Signed: var signed }
                    && await Signatures.DocumentSigning.StoreAsync(work.Transaction, work.Dossier.Revision,
                        await forms.RefusalAsync(work, item, reason, pending.At, token), pending, signed, token) is { } discarded)
                    return discarded;
                var (dossier, atReception) = (work.Dossier, item.StepId == DossierSteps.Receive);
                dossier.Status = atReception ? DossierStatus.NotAccepted : DossierStatus.Stopped;
                dossier.Result = DossierResult.Refused;
                dossier.FinishedAt = work.Now;
                dossier.ResultNote = reason;
                return new DossierMoveInput(Messages: [OutboxMessage.From(new DossierRefused(
                    dossier.Id, dossier.Code!, item.Unit ?? dossier.ProcessingUnitId, atReception, reason, work.Now, CitizenContact.Of(dossier)))],
                    History: signature is { Signed: var s } ? new { signedFormId = s.Id, signedFormSha256 = s.Sha256 } : null);
            },
        }, ct);
        return signature is null ? answer : SignedIssue.Moved(answer);
    }
}
