using Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>What a repair of a dossier's workflow answers: the instance repaired and where the dossier now stands.</summary>
public sealed record WorkflowRepaired(Guid InstanceId, DossierState Dossier);

/// <summary>
/// A system administrator's repair of a dossier's workflow runs like any use case on the dossier: the dossier row is locked,
/// and the engine's repair, what it opened (consultations, status) and the dossier's history row commit together. System
/// administrators repair whatever units they belong to; nobody else does.
/// </summary>
internal sealed partial class DossierWork
{
    /// <summary>
    /// Opens the dossier whose workflow is <paramref name="instanceId"/> for a repair; NotFound naming <c>id</c> when none is;
    /// StaleRevision when <paramref name="expectedRevision"/> is given and the locked row has another.
    /// </summary>
    public static async Task<DomainResult<DossierWork>> OpenForRepairAsync(ProceduresDb db, OfficialDirectory officials, CalendarProvider calendar,
        TimeProvider clock, DossierSettings settings, Guid instanceId, string actorName, int? expectedRevision, CancellationToken ct)
    {
        var dossierId = await db.Dossiers.AsNoTracking().Where(d => d.WorkflowInstanceId == instanceId).Select(d => (Guid?)d.Id).SingleOrDefaultAsync(ct);
        if (dossierId is null) return WorkflowRepairRules.NoSuchWorkflow;
        return await OpenAsync(db, officials, calendar, clock, settings, dossierId.Value, actorName,
            (actor, _) => actor.IsSystemAdmin ? null : AdminAccess.NotSystemAdmin(), expectedRevision, ct);
    }

    /// <summary>Applies what a repair opened, as after any move; the engine's refusal otherwise.</summary>
    public async Task<DomainResult<TransitionResult>> AfterRepairAsync(EngineResult<TransitionResult> repaired, Func<EngineError, DomainError> refused,
        CancellationToken ct)
    {
        if (repaired.Error is { } error) return refused(error);
        await AfterMoveAsync(repaired.Value!, null, ct);
        return repaired.Value!;
    }

    /// <summary>
    /// Records the repair in the dossier's history (who, the reason, what changed, at which step, and whom a move handed the
    /// dossier to) and commits. Not judged early or late: an operator's repair is not a hand-off with a due time.
    /// </summary>
    public async Task<WorkflowRepaired> RepairedAsync(string kind, string? step, string reason, object facts, TransitionResult? moved,
        CancellationToken ct)
    {
        var row = await RecordAsync(kind, null, reason, facts, moved, ct);
        row.Step = step;
        await CommitAsync(ct);
        return new WorkflowRepaired(Dossier.WorkflowInstanceId!.Value, State());
    }
}
