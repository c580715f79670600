using Microsoft.EntityFrameworkCore;
using Procedures.Persistence;
using Procedures.Statistics;

namespace Procedures.Citizens;

/// <summary>The statistics' rating seam served from the ratings citizens gave (table <c>ratings</c>), by processing unit.</summary>
public sealed class StoredCitizenRatings(ProceduresDb db) : ICitizenRatings
{
    public async Task<IReadOnlyList<CitizenRating>> ListAsync(IReadOnlyCollection<Guid> unitIds, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        var ids = unitIds.ToList();
        var rows = await db.Ratings.AsNoTracking()
            .Where(r => ids.Contains(r.ProcessingUnitId) && r.RatedAt >= from && r.RatedAt < to)
            .OrderBy(r => r.RatedAt)
            .Select(r => new { r.DossierId, r.ProcessingUnitId, r.RatedAt, r.Scores })
            .ToListAsync(ct);
        return rows.Select(r => new CitizenRating(r.DossierId, r.ProcessingUnitId, r.RatedAt, r.Scores)).ToList();
    }
}
