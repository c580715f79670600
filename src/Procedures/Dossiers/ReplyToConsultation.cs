using System.Text.Json.Nodes;
using Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>An officer of a consulted unit replies (action <c>reply</c> of every consulted step, by the conventions).</summary>
public sealed record ReplyToConsultation(Guid DossierId, string Actor, string Reply, Guid? ConsultationId = null,
    IReadOnlyDictionary<string, string>? Fields = null, int? ExpectedRevision = null);

/// <summary>
/// A reply after the consultation's deadline is accepted and recorded late (event timeliness, and the row's
/// replied-at after its due-at). A consulted step opened by a timer, outside any use case, gets its row here.
/// </summary>
public sealed class ReplyToConsultationHandler(ProceduresDb db, WorkflowRuntime engine, OfficialDirectory officials,
    CalendarProvider calendar, TimeProvider clock, DossierSettings settings)
{
    public async Task<DomainResult<DossierState>> HandleAsync(ReplyToConsultation request, CancellationToken ct = default)
    {
        if (Required.Text(request.Reply, "reply", "nội dung trả lời", "The reply") is { } noReply) return noReply;
        var opened = await DossierWork.OpenAsync(db, officials, calendar, clock, settings, request.DossierId, request.Actor, request.ExpectedRevision, ct);
        if (opened.Error is { } notFound) return notFound;
        await using var work = opened.Value!;
        var rows = await db.Consultations.Where(c => c.DossierId == work.Dossier.Id).ToListAsync(ct);
        var steps = work.OpenItems.Where(w => w.Role == StepRoles.ConsultedOfficer)
            .Where(w => request.ConsultationId is not { } id || rows.Any(c => c.Id == id && c.WorkItemId == w.Id))
            .Select(w => w.StepId).ToArray();
        var item = work.ItemFor("reply", steps);
        if (item.Error is { } cannot) return cannot;

        var consultation = rows.FirstOrDefault(c => c.WorkItemId == item.Value!.Id);
        if (consultation is null)
            db.Consultations.Add(consultation = new Consultation
            {
                Id = Guid.CreateVersion7(work.Now), DossierId = work.Dossier.Id, ConsultedUnitId = item.Value!.Unit!.Value,
                Subject = item.Value.Title ?? item.Value.StepId, RequestedAt = item.Value.CreatedAt, RequestedBy = "workflow",
                DueAt = item.Value.DueAt, WorkItemId = item.Value.Id,
            });
        var reply = request.Reply.Trim();
        (consultation.RepliedAt, consultation.RepliedBy, consultation.Reply) = (work.Now, work.Actor.UserName, reply);
        var moved = await work.CompleteAsync(engine, item.Value!, "reply", reply, Required.Fields(request.Fields), null, ct,
            facts: new JsonObject { ["reply"] = reply });
        if (moved.Error is { } failed) return failed;
        var row = await work.RecordAsync("ConsultationReplied", item.Value, reply,
            new { consultationId = consultation.Id, unit = consultation.ConsultedUnitId }, moved.Value, ct);
        row.DueAt = consultation.DueAt;
        row.Timeliness = DossierTimeliness.Judge(work.Calendar, work.Now, consultation.DueAt, settings.EarlyMargin, item.Value!.UnitId);
        await work.CommitAsync(ct);
        return work.State();
    }
}
