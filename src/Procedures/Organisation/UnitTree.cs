using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Persistence;

namespace Procedures.Organisation;

/// <summary>The tree under <paramref name="RootId"/> as it stood on <paramref name="On"/> (today when null).</summary>
public sealed record ListUnitTree(Guid RootId, DateOnly? On = null);

public sealed record UnitTreeNode(
    Guid Id, string Code, string Name, string TypeCode, string TypeName, string? OfficeHours,
    DateOnly EffectiveFrom, DateOnly? EffectiveTo, IReadOnlyList<UnitTreeNode> Children);

public sealed class UnitTreeQuery(ProceduresDb db, TimeProvider clock)
{
    public async Task<DomainResult<UnitTreeNode>> HandleAsync(Actor actor, ListUnitTree request, CancellationToken ct = default)
    {
        var day = request.On ?? clock.Today();
        var root = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.RootId, ct);
        if (actor.CheckSees(root, "rootId") is { } denied) return denied;
        if (!root!.IsEffectiveOn(day))
            return DomainError.Invalid("on", "root-not-effective", "Đơn vị gốc không có hiệu lực vào ngày này.", "The root unit is not in effect on that day.");

        var rows = await (
            from u in db.Units.AsNoTracking()
            join t in db.UnitTypes.AsNoTracking() on u.TypeCode equals t.Code
            where u.Path.StartsWith(root.Path) && u.EffectiveFrom <= day && (u.EffectiveTo == null || u.EffectiveTo >= day)
            select new { Unit = u, t.Name, t.Rank }).ToListAsync(ct);

        // A unit whose parent was not in effect that day is left out with it: the tree shows what existed.
        var byParent = rows.ToLookup(r => r.Unit.ParentId);
        UnitTreeNode Node(Unit u, string typeName) => new(u.Id, u.Code, u.Name, u.TypeCode, typeName, u.OfficeHours, u.EffectiveFrom, u.EffectiveTo,
            byParent[u.Id].OrderBy(c => c.Rank).ThenBy(c => c.Unit.Code, StringComparer.Ordinal).Select(c => Node(c.Unit, c.Name)).ToList());
        return Node(root, rows.Single(r => r.Unit.Id == root.Id).Name);
    }
}
