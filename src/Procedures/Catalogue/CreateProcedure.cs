using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Catalogue;

/// <summary>Adds a procedure to the catalogue (system admins: the catalogue is the province's).</summary>
public sealed class CreateProcedureHandler(ProceduresDb db, TimeProvider clock)
{
    public async Task<DomainResult<ProcedureDetail>> HandleAsync(Actor actor, ProcedureDraft draft, CancellationToken ct = default)
    {
        if (!actor.IsSystemAdmin) return AdminAccess.NotSystemAdmin();
        if ((ProcedureRules.Check(draft) ?? await ProcedureRules.CheckStoredAsync(db, draft, null, ct)) is { } invalid) return invalid;

        var procedure = new Procedure { Id = Guid.CreateVersion7() };
        draft.ApplyTo(procedure);
        db.Procedures.Add(procedure);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException ex) when (FieldRules.IsUniqueViolation(ex)) { return ProcedureRules.CodeTaken(); }
        return await ProcedureDetailQuery.LoadAsync(db, procedure, clock.Today(), ct);
    }
}
