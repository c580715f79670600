using Engine.Runtime;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>The reviewer or the signer sends the dossier back, with the reason, to where the definition says.</summary>
public sealed record SendBackDossier(Guid DossierId, string Actor, string Reason, int? ExpectedRevision = null);

public sealed class SendBackDossierHandler(ProceduresDb db, WorkflowRuntime engine, OfficialDirectory officials,
    CalendarProvider calendar, TimeProvider clock, DossierSettings settings)
{
    public async Task<DomainResult<DossierState>> HandleAsync(SendBackDossier request, CancellationToken ct = default)
    {
        if (Required.Text(request.Reason, "reason", "lý do trả lại", "The reason for sending back") is { } noReason) return noReason;
        var opened = await DossierWork.OpenAsync(db, officials, calendar, clock, settings, request.DossierId, request.Actor, request.ExpectedRevision, ct);
        if (opened.Error is { } notFound) return notFound;
        await using var work = opened.Value!;
        var item = work.ItemFor("send-back", DossierSteps.Review, DossierSteps.Sign);
        if (item.Error is { } cannot) return cannot;
        var reason = request.Reason.Trim();
        var moved = await work.CompleteAsync(engine, item.Value!, "send-back", reason, null, null, ct);
        if (moved.Error is { } failed) return failed;
        work.MarkProcessing();
        await work.RecordAsync("SentBack", item.Value, reason, null, moved.Value, ct);
        await work.CommitAsync(ct);
        return work.State();
    }
}
