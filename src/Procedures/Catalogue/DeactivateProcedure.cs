using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Catalogue;

/// <summary>
/// Withdraws a procedure from the catalogue (abolished or replaced): it disappears from the public catalogue and
/// takes no new dossiers, while its open dossiers finish. <paramref name="Active"/> true puts it back.
/// </summary>
public sealed record DeactivateProcedure(Guid ProcedureId, bool Active = false);

public sealed class DeactivateProcedureHandler(ProceduresDb db, TimeProvider clock)
{
    public async Task<DomainResult<ProcedureDetail>> HandleAsync(Actor actor, DeactivateProcedure request, CancellationToken ct = default)
    {
        if (!actor.IsSystemAdmin) return AdminAccess.NotSystemAdmin();
        var procedure = await db.Procedures.Include(p => p.RequiredDocuments).SingleOrDefaultAsync(p => p.Id == request.ProcedureId, ct);
        if (procedure is null) return DomainError.NotFound("procedure", "thủ tục hành chính") with { Field = "procedureId" };

        procedure.IsActive = request.Active;
        await db.SaveChangesAsync(ct);
        return await ProcedureDetailQuery.LoadAsync(db, procedure, clock.Today(), ct);
    }
}
