using Microsoft.EntityFrameworkCore;
using Procedures.Catalogue;
using Procedures.Persistence;

namespace Api.Ui.Admin;

/// <summary>A line of the admin catalogue: every procedure, applied or stopped.</summary>
public sealed record CatalogueRow(Guid Id, string Code, string Name, string SectorName, bool IsActive);

/// <summary>The catalogue page's reads, and the draft an edit starts from (the update use case takes the whole entry).</summary>
public static class AdminCatalogue
{
    public static async Task<IReadOnlyList<CatalogueRow>> ListAsync(ProceduresDb db, string? text, bool includeInactive, CancellationToken ct = default)
    {
        var query = db.Procedures.AsNoTracking().Where(p => includeInactive || p.IsActive);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var like = "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(p => EF.Functions.ILike(p.Code, like, "\\") || EF.Functions.ILike(p.Name, like, "\\"));
        }
        return await (from p in query
                      join s in db.Sectors.AsNoTracking() on p.SectorId equals s.Id
                      orderby p.Code
                      select new CatalogueRow(p.Id, p.Code, p.Name, s.Name, p.IsActive)).Take(500).ToListAsync(ct);
    }

    /// <summary>The entry as it stands, ready to change and hand back to <see cref="UpdateProcedureHandler"/>.</summary>
    public static ProcedureDraft DraftOf(ProcedureDetail p) => new(
        p.Code, p.Name, p.Level, p.SectorId, p.TimeLimit.Kind, p.TimeLimit.Amount, p.Channels,
        p.Documents.OrderBy(d => d.Order).Select(d => new DocumentDraft(d.Name, d.Copies, d.Form, d.IsOptional, d.TemplateName, d.Id)).ToList(),
        p.Fees, p.ResultDocuments, p.NameEn, p.LegalBasis, p.Description, p.RetentionYears);
}
