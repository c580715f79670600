using Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>The leader signs the result (ký duyệt); a deputy signs on the leader's behalf (KT.).</summary>
public sealed record SignDossier(Guid DossierId, string Actor, string? Comment = null, int? ExpectedRevision = null);

/// <summary>
/// Records the signer and, when the signer is a deputy rather than the unit leader, the leader signed for
/// (<see cref="Dossier.SignedOnBehalfOf"/>). Signing leads to <c>return-result</c>, where the dossier is
/// finished (portal code 9) with an approved result.
/// </summary>
public sealed class SignDossierHandler(ProceduresDb db, WorkflowRuntime engine, OfficialDirectory officials,
    CalendarProvider calendar, TimeProvider clock, DossierSettings settings, Signatures.ResultSigning signing)
{
    public async Task<DomainResult<DossierState>> HandleAsync(SignDossier request, CancellationToken ct = default)
    {
        var opened = await DossierWork.OpenAsync(db, officials, calendar, clock, settings, request.DossierId, request.Actor, request.ExpectedRevision, ct);
        if (opened.Error is { } notFound) return notFound;
        await using var work = opened.Value!;
        var item = work.ItemFor("sign", DossierSteps.Sign);
        if (item.Error is { } cannot) return cannot;

        var unit = item.Value!.Unit!.Value;
        var isLeader = work.Actor.Memberships.Any(m => m.Covers(unit) && m.Roles.Contains(Role.UnitLeader));
        work.Dossier.SignedBy = work.Actor.UserName;
        work.Dossier.SignedOnBehalfOf = isLeader ? null : await LeaderOfAsync(unit, ct);
        // The signature comes first: a refused or timed-out signer returns before anything moved, and the transaction
        // (never committed) takes the dossier's changes back with it.
        var result = signing.Enabled ? await signing.SignAsync(work, unit, work.Dossier.SignedOnBehalfOf, ct) : default;
        if (result.Error is { } unsigned) return unsigned;
        var moved = await work.CompleteAsync(engine, item.Value, "sign", request.Comment, null, null, ct);
        if (moved.Error is { } failed) return failed;
        work.MarkProcessing();
        object facts = result.Value is { } signed
            ? new { signedBy = work.Dossier.SignedBy, signedOnBehalfOf = work.Dossier.SignedOnBehalfOf, resultId = signed.Id, resultSha256 = signed.Sha256 }
            : new { signedBy = work.Dossier.SignedBy, signedOnBehalfOf = work.Dossier.SignedOnBehalfOf };
        await work.RecordAsync("Signed", item.Value, request.Comment, facts, moved.Value, ct);
        await work.CommitAsync(ct);
        return work.State();
    }

    /// <summary>The unit leader in office today (null when the post is vacant: the deputy then signs in their own right).</summary>
    private async Task<string?> LeaderOfAsync(Guid unitId, CancellationToken ct)
    {
        var today = officials.Today;
        var members = await db.Memberships.AsNoTracking().Where(m => m.UnitId == unitId)
            .Join(db.Officials.Where(o => o.IsActive), m => m.OfficialId, o => o.Id, (m, o) => new { m, o.UserName }).ToListAsync(ct);
        return members.Where(x => x.m.IsEffectiveOn(today) && x.m.Roles.Contains(Role.UnitLeader))
            .OrderBy(x => x.UserName, StringComparer.Ordinal).Select(x => x.UserName).FirstOrDefault();
    }
}
