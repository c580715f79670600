using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;

namespace Procedures.Dossiers;

/// <summary>The leader signs the result (ký duyệt); a deputy signs on the leader's behalf (KT.).</summary>
public sealed record SignDossier(Guid DossierId, string Actor, string? Comment = null, int? ExpectedRevision = null);

/// <summary>
/// Records the signer and, when the signer is a deputy rather than the unit leader, the leader signed for
/// (<see cref="Dossier.SignedOnBehalfOf"/>). Signing leads to <c>return-result</c>, where the dossier is
/// finished (portal code 9) with an approved result.
/// </summary>
public sealed class SignDossierHandler(DossierUseCase useCase, Signatures.ResultSigning signing)
{
    public Task<DomainResult<DossierState>> HandleAsync(SignDossier request, CancellationToken ct = default) =>
        useCase.MoveAsync(request.DossierId, request.Actor, request.ExpectedRevision, new DossierMove("sign", "Signed", DossierSteps.Sign)
        {
            Comment = request.Comment,
            Prepare = async (work, item, token) =>
            {
                var unit = item.Unit!.Value;
                var isLeader = work.Actor.Memberships.Any(m => m.Covers(unit) && m.Roles.Contains(Role.UnitLeader));
                work.Dossier.SignedBy = work.Actor.UserName;
                work.Dossier.SignedOnBehalfOf = isLeader ? null : await LeaderOfAsync(unit, token);
                // The signature comes first: a refused or timed-out signer returns before anything moved, and the transaction
                // (never committed) takes the dossier's changes back with it.
                var result = signing.Enabled ? await signing.SignAsync(work, unit, work.Dossier.SignedOnBehalfOf, token) : default;
                if (result.Error is { } unsigned) return unsigned;
                return new DossierMoveInput(History: result.Value is { } signed
                    ? new { signedBy = work.Dossier.SignedBy, signedOnBehalfOf = work.Dossier.SignedOnBehalfOf, resultId = signed.Id, resultSha256 = signed.Sha256 }
                    : new { signedBy = work.Dossier.SignedBy, signedOnBehalfOf = work.Dossier.SignedOnBehalfOf });
            },
        }, ct);

    /// <summary>The unit leader in office today (null when the post is vacant: the deputy then signs in their own right).</summary>
    private async Task<string?> LeaderOfAsync(Guid unitId, CancellationToken ct)
    {
        var (db, today) = (useCase.Db, useCase.Officials.Today);
        var members = await db.Memberships.AsNoTracking().Where(m => m.UnitId == unitId)
            .Join(db.Officials.Where(o => o.IsActive), m => m.OfficialId, o => o.Id, (m, o) => new { m, o.UserName }).ToListAsync(ct);
        return members.Where(x => x.m.IsEffectiveOn(today) && x.m.Roles.Contains(Role.UnitLeader))
            .OrderBy(x => x.UserName, StringComparer.Ordinal).Select(x => x.UserName).FirstOrDefault();
    }
}
