using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Catalogue;

/// <summary>
/// Replaces a procedure's description. Dossiers already received keep what they were received with (their
/// appointment and fee are stored on the dossier); the change applies to new dossiers.
/// </summary>
public sealed record UpdateProcedure(Guid ProcedureId, ProcedureDraft Draft);

public sealed class UpdateProcedureHandler(ProceduresDb db, TimeProvider clock)
{
    public async Task<DomainResult<ProcedureDetail>> HandleAsync(Actor actor, UpdateProcedure request, CancellationToken ct = default)
    {
        if (!actor.IsSystemAdmin) return AdminAccess.NotSystemAdmin();
        var procedure = await db.Procedures.Include(p => p.RequiredDocuments).SingleOrDefaultAsync(p => p.Id == request.ProcedureId, ct);
        if (procedure is null) return DomainError.NotFound("procedure", "thủ tục hành chính") with { Field = "procedureId" };
        if ((ProcedureRules.Check(request.Draft) ?? await ProcedureRules.CheckStoredAsync(db, request.Draft, procedure.Id, ct)) is { } invalid)
            return invalid;

        var before = procedure.RequiredDocuments.ToList();
        db.ProcedureDocuments.AddRange(request.Draft.ApplyTo(procedure));
        db.ProcedureDocuments.RemoveRange(before.Except(procedure.RequiredDocuments));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException ex) when (FieldRules.IsUniqueViolation(ex)) { return ProcedureRules.CodeTaken(); }
        return await ProcedureDetailQuery.LoadAsync(db, procedure, clock.Today(), ct);
    }
}
