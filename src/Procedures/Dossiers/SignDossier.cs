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
    public async Task<DomainResult<DossierState>> HandleAsync(SignDossier request, CancellationToken ct = default)
    {
        // The signature comes first and without the dossier's lock (a remote signer may wait for the official's confirmation):
        // a refused or timed-out signer returns before anything moved; the step then completes under the lock only if the
        // dossier is still where it was signed (its revision and the signed document's content).
        var signature = signing.Enabled ? await SignFirstAsync(request, ct) : default;
        if (signature.Error is { } unsigned) return unsigned;
        var expected = signature.Value?.Pending.Revision ?? request.ExpectedRevision;
        var opened = await useCase.OpenAsync(request.DossierId, request.Actor, expected, ct);
        if (opened.Error is { } notFound) return signature.Value is not null && notFound.Kind == ErrorKind.Stale ? Signatures.SigningProblems.DossierMoved() : notFound;
        await using var work = opened.Value!;
        var refused = await useCase.MoveAsync(work, new DossierMove("sign", "Signed", DossierSteps.Sign)
        {
            Comment = request.Comment,
            Prepare = async (w, item, token) =>
            {
                var unit = item.Unit!.Value;
                w.Dossier.SignedBy = w.Actor.UserName;
                w.Dossier.SignedOnBehalfOf = await OnBehalfOfAsync(w, unit, token);
                if (signature.Value is { } s && await signing.StoreAsync(w, unit, s.Pending, s.Signed, token) is { } discarded) return discarded;
                return new DossierMoveInput(History: signature.Value?.Signed is { } signed
                    ? new { signedBy = w.Dossier.SignedBy, signedOnBehalfOf = w.Dossier.SignedOnBehalfOf, resultId = signed.Id, resultSha256 = signed.Sha256 }
                    : new { signedBy = w.Dossier.SignedBy, signedOnBehalfOf = w.Dossier.SignedOnBehalfOf });
            },
        }, ct);
        if (refused is not null) return refused;
        await work.CommitAsync(ct);
        return work.State();
    }

    private sealed record Signature(Signatures.PendingSignature Pending, Signatures.SignedResult Signed);

    /// <summary>Reads what to sign under the lock (which is released at once), then signs it with no transaction open.</summary>
    private async Task<DomainResult<Signature>> SignFirstAsync(SignDossier request, CancellationToken ct)
    {
        Signatures.PendingSignature pending;
        string? onBehalfOf;
        var opened = await useCase.OpenAsync(request.DossierId, request.Actor, request.ExpectedRevision, ct);
        if (opened.Error is { } notFound) return notFound;
        await using (var work = opened.Value!)
        {
            var item = work.ItemFor("sign", DossierSteps.Sign);
            if (item.Error is { } cannot) return cannot;
            var unit = item.Value!.Unit!.Value;
            onBehalfOf = await OnBehalfOfAsync(work, unit, ct);
            pending = await signing.PrepareAsync(work, unit, ct);
        }
        var signed = await signing.SignAsync(pending, onBehalfOf, ct);
        return signed.Error is { } refused ? refused : new Signature(pending, signed.Value!);
    }

    /// <summary>Null when the signer leads the unit; else the leader a deputy signs for (KT.).</summary>
    private async Task<string?> OnBehalfOfAsync(DossierWork work, Guid unit, CancellationToken ct) =>
        work.Actor.Memberships.Any(m => m.Covers(unit) && m.Roles.Contains(Role.UnitLeader)) ? null : await LeaderOfAsync(unit, ct);

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
