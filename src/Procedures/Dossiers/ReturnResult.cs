using Engine.Runtime;
using Procedures.Catalogue;
using Procedures.Common;
using Procedures.ReferenceData;

namespace Procedures.Dossiers;

/// <summary>The clerk of the receiving unit hands the result over, at the counter, by post or online.</summary>
public sealed record ReturnResult(Guid DossierId, string Actor, Channel Channel, string? Note = null,
    IReadOnlyDictionary<string, string>? Fields = null, int? ExpectedRevision = null);

/// <summary>
/// Returned (portal code 10). The counter always returns; post and online only where the procedure offers that
/// channel. The workflow's automatic <c>archive</c> step follows, so the dossier is archived in the same
/// transaction, kept until the return date plus the procedure's retention years.
/// </summary>
public sealed class ReturnResultHandler(DossierUseCase useCase)
{
    public Task<DomainResult<DossierState>> HandleAsync(ReturnResult request, CancellationToken ct = default)
    {
        Procedure? procedure = null;
        return useCase.MoveAsync(request.DossierId, request.Actor, request.ExpectedRevision, new DossierMove("return", "Returned", DossierSteps.ReturnResult)
        {
            Comment = request.Note,
            MarksProcessing = false,
            Prepare = async (work, _, token) =>
            {
                var (dossier, now) = (work.Dossier, work.Now);
                procedure = (await work.Reference.ProcedureAsync(useCase.Db, dossier.ProcedureId, token))!;
                if (request.Channel != Channel.Counter && !procedure.Channels.Contains(request.Channel))
                    return DomainError.Invalid("channel", "channel-not-allowed", $"Thủ tục này không trả kết quả qua kênh {request.Channel}.",
                        $"This procedure does not return results through the {request.Channel} channel.");
                var timeliness = DossierTimeliness.Judge(work.Calendar, now, dossier.AppointmentAt, useCase.Settings.EarlyMargin, work.ReceivingUnit);
                dossier.Status = DossierStatus.Returned;
                dossier.ReturnedAt = now;
                dossier.ReturnChannel = request.Channel;
                return new DossierMoveInput(Required.Fields(request.Fields), [OutboxMessage.From(new DossierReturned(dossier.Id, dossier.Code!,
                    dossier.ReceivingUnitId, now, request.Channel, timeliness, CitizenContact.Of(dossier)))],
                    History: new { channel = request.Channel, appointmentAt = dossier.AppointmentAt, againstAppointment = timeliness });
            },
            // The workflow's automatic archive step followed the return: the dossier is archived in the same transaction.
            After = async (work, _, moved, _, token) =>
            {
                if (moved.Status != InstanceStatus.Completed) return null;
                var dossier = work.Dossier;
                dossier.ArchivedAt = work.Now;
                dossier.RetainUntil = Common.VietnamTime.DateOf(work.Now).AddYears(procedure!.RetentionYears);
                await work.RecordAsync("Archived", null, null, new { retainUntil = dossier.RetainUntil, retentionYears = procedure.RetentionYears }, null, token);
                return null;
            },
        }, ct);
    }
}
