using Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Procedures.Calendar;
using Procedures.Catalogue;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>The clerk of the receiving unit hands the result over, at the counter, by post or online.</summary>
public sealed record ReturnResult(Guid DossierId, string Actor, Channel Channel, string? Note = null,
    IReadOnlyDictionary<string, string>? Fields = null, int? ExpectedRevision = null);

/// <summary>
/// Returned (portal code 10). The counter always returns; post and online only where the procedure offers that
/// channel. The workflow's automatic <c>archive</c> step follows, so the dossier is archived in the same
/// transaction, kept until the return date plus the procedure's retention years.
/// </summary>
public sealed class ReturnResultHandler(ProceduresDb db, WorkflowRuntime engine, OfficialDirectory officials,
    CalendarProvider calendar, TimeProvider clock, DossierSettings settings)
{
    public async Task<DomainResult<DossierState>> HandleAsync(ReturnResult request, CancellationToken ct = default)
    {
        var opened = await DossierWork.OpenAsync(db, officials, calendar, clock, settings, request.DossierId, request.Actor, request.ExpectedRevision, ct);
        if (opened.Error is { } notFound) return notFound;
        await using var work = opened.Value!;
        var item = work.ItemFor("return", DossierSteps.ReturnResult);
        if (item.Error is { } cannot) return cannot;
        var (dossier, now) = (work.Dossier, work.Now);
        var procedure = await db.Procedures.AsNoTracking().SingleAsync(p => p.Id == dossier.ProcedureId, ct);
        if (request.Channel != Channel.Counter && !procedure.Channels.Contains(request.Channel))
            return DomainError.Invalid("channel", "channel-not-allowed", $"Thủ tục này không trả kết quả qua kênh {request.Channel}.",
                $"This procedure does not return results through the {request.Channel} channel.");

        var timeliness = DossierTimeliness.Judge(work.Calendar, now, dossier.AppointmentAt, settings.EarlyMargin, work.ReceivingUnit);
        dossier.Status = DossierStatus.Returned;
        dossier.ReturnedAt = now;
        dossier.ReturnChannel = request.Channel;
        var moved = await work.CompleteAsync(engine, item.Value!, "return", request.Note, Required.Fields(request.Fields),
            [OutboxMessage.From(new DossierReturned(dossier.Id, dossier.Code!, dossier.ReceivingUnitId, now, request.Channel, timeliness, CitizenContact.Of(dossier)))], ct);
        if (moved.Error is { } failed) return failed;
        await work.RecordAsync("Returned", item.Value, request.Note,
            new { channel = request.Channel, appointmentAt = dossier.AppointmentAt, againstAppointment = timeliness }, moved.Value, ct);
        if (moved.Value!.Status == InstanceStatus.Completed)
        {
            dossier.ArchivedAt = now;
            dossier.RetainUntil = Common.VietnamTime.DateOf(now).AddYears(procedure.RetentionYears);
            await work.RecordAsync("Archived", null, null, new { retainUntil = dossier.RetainUntil, retentionYears = procedure.RetentionYears }, null, ct);
        }
        await work.CommitAsync(ct);
        return work.State();
    }
}
