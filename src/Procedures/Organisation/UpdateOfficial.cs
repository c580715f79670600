using Procedures.Common;
using Procedures.Persistence;

namespace Procedures.Organisation;

/// <summary>Replaces an official's name, position and contacts. The user name never changes: history records it.</summary>
public sealed record UpdateOfficial(Guid OfficialId, string FullName, string? Position = null, string? Email = null, string? Phone = null);

public sealed class UpdateOfficialHandler(ProceduresDb db, TimeProvider clock)
{
    public async Task<DomainResult<OfficialView>> HandleAsync(Actor actor, UpdateOfficial request, CancellationToken ct = default)
    {
        if ((FieldRules.Required("fullName", request.FullName, 200, "họ và tên")
            ?? FieldRules.CheckEmail(FieldRules.Blank(request.Email)) ?? FieldRules.CheckPhone(FieldRules.Blank(request.Phone))) is { } invalid)
            return invalid;
        var (official, units) = await OfficialAccess.LoadAsync(db, request.OfficialId, clock.Today(), ct);
        if (actor.CheckManages(official, units) is { } denied) return denied;

        official!.FullName = request.FullName.Trim();
        official.Position = FieldRules.Blank(request.Position);
        official.Email = FieldRules.Blank(request.Email);
        official.Phone = FieldRules.Blank(request.Phone);
        await db.SaveChangesAsync(ct);
        return await OfficialView.LoadAsync(db, official.Id, ct);
    }
}
