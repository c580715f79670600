using Microsoft.EntityFrameworkCore;
using Procedures.Catalogue;
using Procedures.Persistence;

namespace Api.Ui.Admin;

/// <summary>One page of sectors, filtered and sorted by the database.</summary>
public sealed record SectorPage(IReadOnlyList<SectorView> Items, int Total);

/// <summary>The sectors page's list: filtered by code or name, sorted by a column, one page at a time.</summary>
public static class AdminSectors
{
    public const int MaxPageSize = 100;

    public static async Task<SectorPage> PageAsync(ProceduresDb db, string? text, string? sortBy, bool descending, int skip, int take, CancellationToken ct = default)
    {
        var query = db.Sectors.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var like = "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(s => EF.Functions.ILike(s.Code, like, "\\") || EF.Functions.ILike(s.Name, like, "\\"));
        }
        // Sorted before the projection: EF Core cannot order by a property of a record built through its constructor.
        var rows = query.Select(s => new { Sector = s, Count = db.Procedures.Count(p => p.SectorId == s.Id && p.IsActive) });
        rows = (sortBy, descending) switch
        {
            ("name", false) => rows.OrderBy(s => s.Sector.Name).ThenBy(s => s.Sector.Code),
            ("name", true) => rows.OrderByDescending(s => s.Sector.Name).ThenBy(s => s.Sector.Code),
            ("procedures", false) => rows.OrderBy(s => s.Count).ThenBy(s => s.Sector.Code),
            ("procedures", true) => rows.OrderByDescending(s => s.Count).ThenBy(s => s.Sector.Code),
            (_, true) => rows.OrderByDescending(s => s.Sector.Code),
            _ => rows.OrderBy(s => s.Sector.Code),
        };
        var total = await query.CountAsync(ct);
        var items = await rows.Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize))
            .Select(s => new SectorView(s.Sector.Id, s.Sector.Code, s.Sector.Name, s.Sector.NameEn, s.Count)).ToListAsync(ct);
        return new SectorPage(items, total);
    }
}
