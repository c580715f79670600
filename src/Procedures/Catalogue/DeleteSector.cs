using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Catalogue;

/// <summary>Deletes a sector no procedure belongs to (a typo, a duplicate); a sector in use stays.</summary>
public sealed record DeleteSector(Guid SectorId);

public sealed class DeleteSectorHandler(ProceduresDb db)
{
    public async Task<DomainResult<Guid>> HandleAsync(Actor actor, DeleteSector request, CancellationToken ct = default)
    {
        if (!actor.IsSystemAdmin) return AdminAccess.NotSystemAdmin();
        var sector = await db.Sectors.SingleOrDefaultAsync(s => s.Id == request.SectorId, ct);
        if (sector is null) return SectorRules.NotFound();
        // Inactive procedures count too: their dossiers still name the sector in reports.
        if (await db.Procedures.AnyAsync(p => p.SectorId == sector.Id, ct))
            return DomainError.Conflict("sector-in-use", "Lĩnh vực còn thủ tục; chuyển thủ tục sang lĩnh vực khác trước.",
                "Procedures still belong to the sector; move them first.") with { Field = "sectorId" };

        db.Sectors.Remove(sector);
        await db.SaveChangesAsync(ct);
        return sector.Id;
    }
}
