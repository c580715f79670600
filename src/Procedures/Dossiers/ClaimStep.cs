using Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>
/// An official takes the open step <paramref name="WorkItemId"/> of a dossier from the queue of <paramref name="Role"/> in
/// <paramref name="UnitId"/>, as their inbox showed it: a dossier changed since (<paramref name="ExpectedRevision"/>) is not claimed.
/// </summary>
public sealed record ClaimStep(Guid DossierId, Guid WorkItemId, string Role, Guid? UnitId, string Actor, int ExpectedRevision);

/// <summary>The claim under the dossier's row lock, as the other use cases take it; the engine refuses it when someone else has the step.</summary>
public sealed class ClaimStepHandler(ProceduresDb db, WorkflowRuntime engine, OfficialDirectory officials)
{
    public static DomainError NotTheirRole { get; } = DomainError.Forbidden("Bạn không giữ vai trò của bước này.", "You do not hold the role of this step.");

    /// <summary>Null when the step is now the official's; otherwise why not, and nothing changed.</summary>
    public async Task<DomainError?> HandleAsync(ClaimStep request, CancellationToken ct = default)
    {
        var acting = await officials.ActingAsync(request.Actor, ct);
        if (acting.Error is { } notAnOfficial) return notAnOfficial;
        if (request.UnitId is not { } unit || !acting.Value!.HasWorkflowRole(request.Role, unit)) return NotTheirRole;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var revisions = await db.Database
            .SqlQuery<int>($"SELECT revision AS \"Value\" FROM procedures.dossiers WHERE id = {request.DossierId} FOR UPDATE").ToListAsync(ct);
        if (revisions is not [var revision]) return DomainError.NotFound("dossier", "hồ sơ");
        if (revision != request.ExpectedRevision) return DomainError.StaleRevision(revision);
        var claimed = await engine.ClaimAsync(request.WorkItemId, request.Actor, (NpgsqlTransaction)tx.GetDbTransaction(), ct);
        if (claimed.Error is { } refused) return DomainError.FromEngine(refused);
        await tx.CommitAsync(ct);
        return null;
    }
}
