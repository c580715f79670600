using System.Text.Json.Nodes;
using Engine.Runtime;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>
/// The specialist's appraisal (thẩm định): notes, attachments and the draft result, sent on for review.
/// <paramref name="Fields"/> carries the step's own form fields (e.g. <c>postingEndsAt</c> for land, whose public posting
/// then moves the appointment: the law does not count it).
/// </summary>
public sealed record SubmitAppraisal(Guid DossierId, string Actor, string Notes, string? DraftResult = null,
    IReadOnlyList<Guid>? AttachmentIds = null, IReadOnlyDictionary<string, string>? Fields = null, int? ExpectedRevision = null);

public sealed class SubmitAppraisalHandler(ProceduresDb db, WorkflowRuntime engine, OfficialDirectory officials,
    CalendarProvider calendar, TimeProvider clock, DossierSettings settings)
{
    public async Task<DomainResult<DossierState>> HandleAsync(SubmitAppraisal request, CancellationToken ct = default)
    {
        if (Required.Text(request.Notes, "notes", "ý kiến thẩm định", "The appraisal notes") is { } noNotes) return noNotes;
        var opened = await DossierWork.OpenAsync(db, officials, calendar, clock, settings, request.DossierId, request.Actor, request.ExpectedRevision, ct);
        if (opened.Error is { } notFound) return notFound;
        await using var work = opened.Value!;
        var item = work.ItemFor("submit", DossierSteps.Process);
        if (item.Error is { } cannot) return cannot;

        var attachments = request.AttachmentIds ?? [];
        var facts = new JsonObject
        {
            ["appraisal"] = request.Notes.Trim(), ["draftResult"] = request.DraftResult,
            ["attachments"] = new JsonArray(attachments.Select(a => (JsonNode)a.ToString()).ToArray()),
        };
        if (!string.IsNullOrWhiteSpace(request.DraftResult)) work.Dossier.ResultNote = request.DraftResult.Trim();
        var moved = await work.CompleteAsync(engine, item.Value!, "submit", request.Notes.Trim(), Required.Fields(request.Fields), null, ct, facts: facts);
        if (moved.Error is { } failed) return failed;
        work.MarkProcessing();
        var posting = PublicPosting.ExtendAppointment(work.Dossier, request.Fields, work.Now, work.Calendar);
        await work.RecordAsync("Appraised", item.Value, request.Notes.Trim(),
            new { draftResult = request.DraftResult, attachments, posting }, moved.Value, ct);
        await work.CommitAsync(ct);
        return work.State();
    }
}
