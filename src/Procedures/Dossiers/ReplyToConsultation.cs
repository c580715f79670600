using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Procedures.Common;

namespace Procedures.Dossiers;

/// <summary>An officer of a consulted unit replies (action <c>reply</c> of every consulted step, by the conventions).</summary>
public sealed record ReplyToConsultation(Guid DossierId, string Actor, string Reply, Guid? ConsultationId = null,
    IReadOnlyDictionary<string, string>? Fields = null, int? ExpectedRevision = null);

/// <summary>
/// A reply after the consultation's deadline is accepted and recorded late (event timeliness, and the row's
/// replied-at after its due-at). A consulted step opened by a timer, outside any use case, gets its row here.
/// </summary>
public sealed class ReplyToConsultationHandler(DossierUseCase useCase)
{
    public async Task<DomainResult<DossierState>> HandleAsync(ReplyToConsultation request, CancellationToken ct = default)
    {
        if (Required.Text(request.Reply, "reply", "nội dung trả lời", "The reply") is { } noReply) return noReply;
        var reply = request.Reply.Trim();
        Consultation? consultation = null;
        return await useCase.RunAsync(request.DossierId, request.Actor, request.ExpectedRevision, async work =>
        {
            var rows = await useCase.Db.Consultations.Where(c => c.DossierId == work.Dossier.Id).ToListAsync(ct);
            var steps = work.OpenItems.Where(w => w.Role == StepRoles.ConsultedOfficer)
                .Where(w => request.ConsultationId is not { } id || rows.Any(c => c.Id == id && c.WorkItemId == w.Id))
                .Select(w => w.StepId).ToArray();
            return await useCase.MoveAsync(work, new DossierMove("reply", "ConsultationReplied", steps)
            {
                Comment = reply,
                MarksProcessing = false,
                Prepare = (work, item, _) =>
                {
                    consultation = rows.FirstOrDefault(c => c.WorkItemId == item.Id);
                    if (consultation is null)
                        useCase.Db.Consultations.Add(consultation = new Consultation
                        {
                            Id = Guid.CreateVersion7(work.Now), DossierId = work.Dossier.Id, ConsultedUnitId = item.Unit!.Value,
                            Subject = item.Title ?? item.StepId, RequestedAt = item.CreatedAt, RequestedBy = "workflow",
                            DueAt = item.DueAt, WorkItemId = item.Id,
                        });
                    (consultation.RepliedAt, consultation.RepliedBy, consultation.Reply) = (work.Now, work.Actor.UserName, reply);
                    return Task.FromResult<DomainResult<DossierMoveInput>>(new DossierMoveInput(Required.Fields(request.Fields),
                        Facts: new JsonObject { ["reply"] = reply }, History: new { consultationId = consultation.Id, unit = consultation.ConsultedUnitId }));
                },
                // The reply is judged against the consultation's own deadline, not the work item's.
                After = (work, item, _, row, _) =>
                {
                    row.DueAt = consultation!.DueAt;
                    row.Timeliness = DossierTimeliness.Judge(work.Calendar, work.Now, consultation.DueAt, useCase.Settings.EarlyMargin, item.UnitId);
                    return Task.FromResult<DomainError?>(null);
                },
            }, ct);
        }, ct);
    }
}
