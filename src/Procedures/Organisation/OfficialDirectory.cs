using Microsoft.EntityFrameworkCore;
using Procedures.Persistence;

namespace Procedures.Organisation;

/// <summary>Looks officials up as <see cref="Actor"/>s with the memberships effective today.</summary>
public sealed class OfficialDirectory(ProceduresDb db, TimeProvider clock)
{
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(VietnamOffset).DateTime);

    public async Task<Actor?> FindAsync(string userName, CancellationToken ct = default)
    {
        var official = await db.Officials.AsNoTracking().Include(o => o.Memberships)
            .SingleOrDefaultAsync(o => o.UserName == userName && o.IsActive, ct);
        if (official is null) return null;
        var today = Today;
        var memberships = official.Memberships.Where(m => m.IsEffectiveOn(today)).ToList();
        var unitIds = memberships.Select(m => m.UnitId).ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => (u.Code, u.Path, InternalPartOf: u.TypeCode == DefaultUnitTypes.Section || u.TypeCode == DefaultUnitTypes.OneStopShop ? u.ParentId : null), ct);
        return new Actor(official.Id, official.UserName, official.FullName, official.Position,
            memberships.Where(m => units.ContainsKey(m.UnitId))
                .Select(m => new ActorMembership(m.UnitId, units[m.UnitId].Code, units[m.UnitId].Path, m.Roles, units[m.UnitId].InternalPartOf)).ToList());
    }

    /// <summary>Display names by user name, for history and forms.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> userNames, CancellationToken ct = default)
    {
        var names = userNames.Distinct().ToList();
        return await db.Officials.AsNoTracking().Where(o => names.Contains(o.UserName)).ToDictionaryAsync(o => o.UserName, o => o.FullName, ct);
    }
}
