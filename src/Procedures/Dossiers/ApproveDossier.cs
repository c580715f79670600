using Procedures.Common;

namespace Procedures.Dossiers;

/// <summary>The section head's review (thẩm tra, xét duyệt) agrees and sends the dossier on for signature.</summary>
public sealed record ApproveDossier(Guid DossierId, string Actor, string? Comment = null, int? ExpectedRevision = null);

public sealed class ApproveDossierHandler(DossierUseCase useCase)
{
    public Task<DomainResult<DossierState>> HandleAsync(ApproveDossier request, CancellationToken ct = default) =>
        useCase.MoveAsync(request.DossierId, request.Actor, request.ExpectedRevision,
            new DossierMove("approve", "Approved", DossierSteps.Review) { Comment = request.Comment }, ct);
}
