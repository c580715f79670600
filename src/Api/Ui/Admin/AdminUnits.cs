using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Api.Ui.Admin;

/// <summary>The units an admin page starts from and shows: the tops of the branches the actor administers, and one unit's details.</summary>
public static class AdminUnits
{
    /// <summary>
    /// Where the actor's trees start: every root for a system admin; for a unit admin the units they administer, leaving out those
    /// already inside another of them. The tree under each comes from <see cref="UnitTreeQuery"/>, which checks again.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> RootsAsync(ProceduresDb db, Actor actor, TimeProvider clock, CancellationToken ct = default)
    {
        var today = clock.Today();
        if (actor.IsSystemAdmin)
            return await db.Units.AsNoTracking().Where(u => u.ParentId == null && u.EffectiveFrom <= today && (u.EffectiveTo == null || u.EffectiveTo >= today))
                .OrderBy(u => u.Code).Select(u => u.Id).ToListAsync(ct);
        var administered = actor.Memberships.Where(m => m.Roles.Contains(Role.UnitAdmin)).ToList();
        return administered.Where(m => !administered.Any(o => o != m && m.UnitPath.StartsWith(o.UnitPath, StringComparison.Ordinal) && m.UnitPath != o.UnitPath))
            .Select(m => m.UnitId).Distinct().ToList();
    }

    /// <summary>The trees the actor administers, as they stand today.</summary>
    public static async Task<DomainResult<IReadOnlyList<UnitTreeNode>>> TreesAsync(IServiceProvider sp, Actor actor, CancellationToken ct = default)
    {
        var roots = await RootsAsync(sp.GetRequiredService<ProceduresDb>(), actor, sp.GetRequiredService<TimeProvider>(), ct);
        var query = sp.GetRequiredService<UnitTreeQuery>();
        var trees = new List<UnitTreeNode>();
        foreach (var root in roots)
        {
            var tree = await query.HandleAsync(actor, new ListUnitTree(root), ct);
            if (tree.Error is { } error) return error;
            trees.Add(tree.Value!);
        }
        return DomainResult<IReadOnlyList<UnitTreeNode>>.Ok(trees);
    }

    /// <summary>A unit with its contacts, when the actor may see it (the same rule and answer as the admin use cases).</summary>
    public static async Task<DomainResult<UnitView>> DetailAsync(ProceduresDb db, Actor actor, Guid unitId, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct);
        if (actor.CheckSees(unit) is { } denied) return denied;
        return UnitView.From(unit!);
    }

    /// <summary>Every unit of the actor's trees, flattened in tree order with its depth, for unit pickers.</summary>
    public static IEnumerable<(UnitTreeNode Node, int Depth)> Flatten(IEnumerable<UnitTreeNode> roots, int depth = 0) =>
        roots.SelectMany(r => new[] { (r, depth) }.Concat(Flatten(r.Children, depth + 1)));
}
