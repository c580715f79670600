using Microsoft.EntityFrameworkCore;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Api.Ui.Stats;

/// <param name="Depth">Levels below the highest unit of the list, to indent the choice.</param>
public sealed record UnitChoice(Guid Id, string Code, string Name, int Depth);

/// <summary>
/// The units an official may pick on the statistics, report and ISO pages: the units they belong to and everything
/// below them (a system administrator: all). Only a convenience for the picker: every use case checks the scope again.
/// </summary>
public static class StatsUnits
{
    public static async Task<IReadOnlyList<UnitChoice>> VisibleAsync(IServiceProvider services, Actor actor, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<ProceduresDb>();
        var paths = actor.Memberships.Select(m => m.UnitPath).Distinct().ToList();
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Path).Select(u => new { u.Id, u.Code, u.Name, u.Path }).ToListAsync(ct);
        var visible = units.Where(u => actor.IsSystemAdmin || paths.Any(p => u.Path.StartsWith(p, StringComparison.Ordinal))).ToList();
        if (visible.Count == 0) return [];
        var top = visible.Min(u => Depth(u.Path));
        return visible.OrderBy(u => u.Path, StringComparer.Ordinal).Select(u => new UnitChoice(u.Id, u.Code, u.Name, Depth(u.Path) - top)).ToList();
    }

    private static int Depth(string path) => path.Count(c => c == '/');
}
