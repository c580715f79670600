using Engine.Runtime;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>The section head's review (thẩm tra, xét duyệt) agrees and sends the dossier on for signature.</summary>
public sealed record ApproveDossier(Guid DossierId, string Actor, string? Comment = null, int? ExpectedRevision = null);

public sealed class ApproveDossierHandler(ProceduresDb db, WorkflowRuntime engine, OfficialDirectory officials,
    CalendarProvider calendar, TimeProvider clock, DossierSettings settings)
{
    public async Task<DomainResult<DossierState>> HandleAsync(ApproveDossier request, CancellationToken ct = default)
    {
        var opened = await DossierWork.OpenAsync(db, officials, calendar, clock, settings, request.DossierId, request.Actor, request.ExpectedRevision, ct);
        if (opened.Error is { } notFound) return notFound;
        await using var work = opened.Value!;
        var item = work.ItemFor("approve", DossierSteps.Review);
        if (item.Error is { } cannot) return cannot;
        var moved = await work.CompleteAsync(engine, item.Value!, "approve", request.Comment, null, null, ct);
        if (moved.Error is { } failed) return failed;
        work.MarkProcessing();
        await work.RecordAsync("Approved", item.Value, request.Comment, null, moved.Value, ct);
        await work.CommitAsync(ct);
        return work.State();
    }
}
