using System.Text.Json.Nodes;
using Procedures.Common;

namespace Procedures.Dossiers;

/// <summary>
/// The specialist's appraisal (thẩm định): notes, attachments and the draft result, sent on for review.
/// <paramref name="Fields"/> carries the step's own form fields (e.g. <c>postingEndsAt</c> for land, whose public posting
/// then moves the appointment: the law does not count it).
/// </summary>
public sealed record SubmitAppraisal(Guid DossierId, string Actor, string Notes, string? DraftResult = null,
    IReadOnlyList<Guid>? AttachmentIds = null, IReadOnlyDictionary<string, string>? Fields = null, int? ExpectedRevision = null);

public sealed class SubmitAppraisalHandler(DossierUseCase useCase)
{
    public async Task<DomainResult<DossierState>> HandleAsync(SubmitAppraisal request, CancellationToken ct = default)
    {
        if (Required.Text(request.Notes, "notes", "ý kiến thẩm định", "The appraisal notes") is { } noNotes) return noNotes;
        var (notes, attachments) = (request.Notes.Trim(), request.AttachmentIds ?? []);
        return await useCase.MoveAsync(request.DossierId, request.Actor, request.ExpectedRevision, new DossierMove("submit", "Appraised", DossierSteps.Process)
        {
            Comment = notes,
            Prepare = (work, _, _) =>
            {
                if (!string.IsNullOrWhiteSpace(request.DraftResult)) work.Dossier.ResultNote = request.DraftResult.Trim();
                // The public posting moves the appointment; counted on the calendar as of this move.
                var posting = PublicPosting.ExtendAppointment(work.Dossier, request.Fields, work.Now, work.Calendar);
                return Task.FromResult<DomainResult<DossierMoveInput>>(new DossierMoveInput(Required.Fields(request.Fields), Facts: new JsonObject
                {
                    ["appraisal"] = notes, ["draftResult"] = request.DraftResult,
                    ["attachments"] = new JsonArray(attachments.Select(a => (JsonNode)a.ToString()).ToArray()),
                }, History: new { draftResult = request.DraftResult, attachments, posting }));
            },
        }, ct);
    }
}
