using Microsoft.EntityFrameworkCore;
using Procedures.Catalogue;
using Procedures.Persistence;

namespace Api.Ui.Admin;

/// <summary>A line of the admin catalogue: every procedure, applied or stopped.</summary>
public sealed record CatalogueRow(Guid Id, string Code, string Name, string SectorName, bool IsActive);

/// <summary>One page of the admin catalogue and how many entries the filter finds.</summary>
public sealed record CataloguePageRows(IReadOnlyList<CatalogueRow> Items, int Total);

/// <summary>The catalogue page's reads, and the draft an edit starts from (the update use case takes the whole entry).</summary>
public static class AdminCatalogue
{
    public const int MaxPageSize = 100;

    /// <summary>One page of the catalogue, filtered by code or name and sorted by code, name or sector in the database.</summary>
    public static async Task<CataloguePageRows> PageAsync(ProceduresDb db, string? text, bool includeInactive, string? sortBy, bool descending,
        int skip, int take, CancellationToken ct = default)
    {
        var query = db.Procedures.AsNoTracking().Where(p => includeInactive || p.IsActive);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var like = "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(p => EF.Functions.ILike(p.Code, like, "\\") || EF.Functions.ILike(p.Name, like, "\\"));
        }
        var rows = from p in query join s in db.Sectors.AsNoTracking() on p.SectorId equals s.Id select new { p, Sector = s.Name };
        rows = (sortBy, descending) switch
        {
            ("name", false) => rows.OrderBy(r => r.p.Name).ThenBy(r => r.p.Code),
            ("name", true) => rows.OrderByDescending(r => r.p.Name).ThenBy(r => r.p.Code),
            ("sector", false) => rows.OrderBy(r => r.Sector).ThenBy(r => r.p.Code),
            ("sector", true) => rows.OrderByDescending(r => r.Sector).ThenBy(r => r.p.Code),
            (_, true) => rows.OrderByDescending(r => r.p.Code),
            _ => rows.OrderBy(r => r.p.Code),
        };
        var total = await query.CountAsync(ct);
        var items = await rows.Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize))
            .Select(r => new CatalogueRow(r.p.Id, r.p.Code, r.p.Name, r.Sector, r.p.IsActive)).ToListAsync(ct);
        return new CataloguePageRows(items, total);
    }

    /// <summary>The entry as it stands, ready to change and hand back to <see cref="UpdateProcedureHandler"/>.</summary>
    public static ProcedureDraft DraftOf(ProcedureDetail p) => new(
        p.Code, p.Name, p.Level, p.SectorId, p.TimeLimit.Kind, p.TimeLimit.Amount, p.Channels,
        p.Documents.OrderBy(d => d.Order).Select(d => new DocumentDraft(d.Name, d.Copies, d.Form, d.IsOptional, d.TemplateName, d.Id)).ToList(),
        p.Fees, p.ResultDocuments, p.NameEn, p.LegalBasis, p.Description, p.RetentionYears);
}
