using Procedures.Common;

namespace Procedures.Dossiers;

/// <summary>The reviewer or the signer sends the dossier back, with the reason, to where the definition says.</summary>
public sealed record SendBackDossier(Guid DossierId, string Actor, string Reason, int? ExpectedRevision = null);

public sealed class SendBackDossierHandler(DossierUseCase useCase)
{
    public async Task<DomainResult<DossierState>> HandleAsync(SendBackDossier request, CancellationToken ct = default)
    {
        if (Required.Text(request.Reason, "reason", "lý do trả lại", "The reason for sending back") is { } noReason) return noReason;
        return await useCase.MoveAsync(request.DossierId, request.Actor, request.ExpectedRevision,
            new DossierMove("send-back", "SentBack", DossierSteps.Review, DossierSteps.Sign) { Comment = request.Reason.Trim() }, ct);
    }
}
