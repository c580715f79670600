using Microsoft.EntityFrameworkCore;
using Procedures.Catalogue;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.ReferenceData;

/// <summary>The reference reads of the use cases run most, through a <see cref="ReferenceCache.Snapshot"/>: untracked, not to be changed.</summary>
public static class CachedReads
{
    public static Task<Procedure?> ProcedureAsync(this ReferenceCache.Snapshot reference, ProceduresDb db, Guid id, CancellationToken ct) =>
        reference.GetAsync(("procedure", id), c => db.Procedures.AsNoTracking().Include(p => p.RequiredDocuments).SingleOrDefaultAsync(p => p.Id == id, c), ct);

    public static Task<Unit?> UnitAsync(this ReferenceCache.Snapshot reference, ProceduresDb db, Guid id, CancellationToken ct) =>
        reference.GetAsync(("unit", id), c => db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, c), ct);

    /// <summary>Every competence row of the procedure, effective or not (the caller picks by date).</summary>
    public static async Task<IReadOnlyList<Competence>> CompetencesAsync(this ReferenceCache.Snapshot reference, ProceduresDb db, Guid procedureId,
        CancellationToken ct) =>
        (await reference.GetAsync<IReadOnlyList<Competence>>(("competences", procedureId),
            async c => await db.Competences.AsNoTracking().Where(x => x.ProcedureId == procedureId).ToListAsync(c), ct))!;

    /// <summary>The official as <see cref="OfficialDirectory.FindAsync(string, CancellationToken)"/> finds them today.</summary>
    public static Task<Actor?> ActorAsync(this ReferenceCache.Snapshot reference, OfficialDirectory officials, string userName, CancellationToken ct) =>
        reference.GetAsync(("actor", userName, officials.Today), c => officials.FindAsync(userName, c), ct);
}
