using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Catalogue;

/// <summary>Renames a sector; its code stays, as reports and the national catalogue refer to it.</summary>
public sealed record UpdateSector(Guid SectorId, string Name, string? NameEn = null);

public sealed class UpdateSectorHandler(ProceduresDb db)
{
    public async Task<DomainResult<SectorView>> HandleAsync(Actor actor, UpdateSector request, CancellationToken ct = default)
    {
        if (!actor.IsSystemAdmin) return AdminAccess.NotSystemAdmin();
        if (SectorRules.CheckName(request.Name) is { } invalid) return invalid;
        var sector = await db.Sectors.SingleOrDefaultAsync(s => s.Id == request.SectorId, ct);
        if (sector is null) return SectorRules.NotFound();

        sector.Name = request.Name.Trim();
        sector.NameEn = FieldRules.Blank(request.NameEn);
        await db.SaveChangesAsync(ct);
        return new SectorView(sector.Id, sector.Code, sector.Name, sector.NameEn, await db.Procedures.CountAsync(p => p.SectorId == sector.Id, ct));
    }
}
