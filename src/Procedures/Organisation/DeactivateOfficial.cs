using Procedures.Common;
using Procedures.Persistence;

namespace Procedures.Organisation;

/// <summary>
/// Stops an official from signing in and acting (they left, or the account is compromised). The official and
/// their memberships stay, because history and signed documents name them.
/// </summary>
public sealed record DeactivateOfficial(Guid OfficialId);

public sealed class DeactivateOfficialHandler(ProceduresDb db, TimeProvider clock)
{
    public async Task<DomainResult<OfficialView>> HandleAsync(Actor actor, DeactivateOfficial request, CancellationToken ct = default)
    {
        var (official, units) = await OfficialAccess.LoadAsync(db, request.OfficialId, clock.Today(), ct);
        if (actor.CheckManages(official, units) is { } denied) return denied;
        // An admin locking themselves out would need another admin to undo it; ask that admin instead.
        if (official!.Id == actor.OfficialId)
            return DomainError.Conflict("self", "Không thể tự khóa tài khoản của mình.", "You cannot deactivate yourself.") with { Field = "officialId" };

        official.IsActive = false;
        await db.SaveChangesAsync(ct);
        return await OfficialView.LoadAsync(db, official.Id, ct);
    }
}
