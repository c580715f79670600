using Microsoft.EntityFrameworkCore;
using Procedures.Persistence;

namespace Procedures.Organisation;

/// <summary>Looks officials up as <see cref="Actor"/>s with the memberships effective today.</summary>
public sealed class OfficialDirectory(ProceduresDb db, TimeProvider clock, ReferenceData.ReferenceCache reference)
{
    /// <summary>This process's copy of officials and other reference data, for the use cases that check it in their transaction.</summary>
    public ReferenceData.ReferenceCache Reference => reference;

    public DateOnly Today => Common.VietnamTime.DateOf(clock.GetUtcNow());

    public async Task<Actor?> FindAsync(string userName, CancellationToken ct = default)
    {
        var today = Today;
        // One round trip: the official with the memberships effective today and each membership's unit.
        var official = await db.Officials.AsNoTracking().Where(o => o.UserName == userName && o.IsActive)
            .Select(o => new
            {
                o.Id, o.UserName, o.FullName, o.Position,
                Memberships = o.Memberships.Where(m => m.EffectiveFrom <= today && (m.EffectiveTo == null || today <= m.EffectiveTo))
                    .Join(db.Units, m => m.UnitId, u => u.Id, (m, u) => new { m.UnitId, m.Roles, u.Code, u.Path, u.TypeCode, u.ParentId })
                    .ToList(),
            })
            .SingleOrDefaultAsync(ct);
        return official is null ? null : new Actor(official.Id, official.UserName, official.FullName, official.Position,
            official.Memberships.Select(m => new ActorMembership(m.UnitId, m.Code, m.Path, m.Roles,
                m.TypeCode == DefaultUnitTypes.Section || m.TypeCode == DefaultUnitTypes.OneStopShop ? m.ParentId : null)).ToList());
    }

    /// <summary>
    /// The official a request acts as: Forbidden when the name is no active official (a citizen's account, a deactivated official,
    /// a name nobody has). The one lookup behind every "official or 403" of the API and the pages.
    /// </summary>
    public async Task<Common.DomainResult<Actor>> ActingAsync(string? userName, CancellationToken ct = default) =>
        string.IsNullOrWhiteSpace(userName) || await FindAsync(userName, ct) is not { } actor ? NotAnOfficial : actor;

    public static Common.DomainError NotAnOfficial { get; } = Common.DomainError.Forbidden(
        "Chỉ cán bộ đang công tác mới được thực hiện thao tác này.", "Only an active official may do this.");

    /// <summary>Display names by user name, for history and forms.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> userNames, CancellationToken ct = default)
    {
        var names = userNames.Distinct().ToList();
        return await db.Officials.AsNoTracking().Where(o => names.Contains(o.UserName)).ToDictionaryAsync(o => o.UserName, o => o.FullName, ct);
    }
}
