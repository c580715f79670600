using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Catalogue;

/// <summary>Adds a sector (lĩnh vực). The catalogue is the province's, so only system admins edit it.</summary>
public sealed record CreateSector(string Code, string Name, string? NameEn = null);

public sealed class CreateSectorHandler(ProceduresDb db)
{
    public async Task<DomainResult<SectorView>> HandleAsync(Actor actor, CreateSector request, CancellationToken ct = default)
    {
        if (!actor.IsSystemAdmin) return AdminAccess.NotSystemAdmin();
        if ((SectorRules.CheckCode(request.Code) ?? SectorRules.CheckName(request.Name)) is { } invalid) return invalid;
        if (await db.Sectors.AnyAsync(s => s.Code == request.Code, ct)) return SectorRules.CodeTaken();

        var sector = new Sector { Id = Guid.CreateVersion7(), Code = request.Code, Name = request.Name.Trim(), NameEn = FieldRules.Blank(request.NameEn) };
        db.Sectors.Add(sector);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException ex) when (FieldRules.IsUniqueViolation(ex)) { return SectorRules.CodeTaken(); }
        return new SectorView(sector.Id, sector.Code, sector.Name, sector.NameEn, 0);
    }
}
