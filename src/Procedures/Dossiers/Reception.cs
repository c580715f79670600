using System.Text.Json.Nodes;
using Engine.Runtime;
using Procedures.Calendar;
using Procedures.Catalogue;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.ReferenceData;

namespace Procedures.Dossiers;

public sealed partial class ReceiveDossierHandler
{
    /// <summary>
    /// The dossier code carries the calendar date of receipt in Vietnam time, not the legal reception day: the
    /// code is printed on the receipt at that moment and the day's register (Form 06) lists what physically came
    /// in that day. The clock, in contrast, counts from the reception day (after 15:00 → next working day).
    /// </summary>
    /// <param name="checkedOn">The reference data the checks before were made on, confirmed here; null when already confirmed.</param>
    private async Task<DomainResult<ReceptionReceipt>> ReceiveAsync(DossierWork work, Unit unit, Procedure procedure,
        Competence competence, Choice choice, IdempotencyKey? key, ReferenceCache.Snapshot? checkedOn, CancellationToken ct)
    {
        var (dossier, now, cal) = (work.Dossier, work.Now, work.Calendar);
        dossier.FeeAmount = DossierFees.Compute(procedure.Fees, VietnamTime.DateOf(dossier.SubmittedAt ?? dossier.CreatedAt), dossier.Copies,
            dossier.Pages, choice.FeeByDecision).Value;
        // Routed by the assignments in effect on the calendar day of receipt (as the code's date), before the workflow starts.
        var (route, generation, definition) = await ReceptionReads.ReadAsync(work.Transaction, VietnamTime.DateOf(now),
            dossier.ProcessingUnitId, procedure.Id, competence.WorkflowDefinitionId, competence.WorkflowVersion, ct);
        if (checkedOn is not null && !reference.Confirm(checkedOn, generation)) return StaleReference;
        // A dossier this transaction creates has no route to remove: the default queue costs no statement.
        if (route is not null || !work.IsNew)
            await DossierRoutes.SaveAsync(work.Transaction, dossier.Id, route, now, ct);
        var policy = choice.Decision == ReceptionDecision.RequestSupplement ? await policies.EffectiveAsync(procedure.Id, ct) : null;
        // The number last: its counter row stays locked until the commit, and every reception at the shop waits for it. From here on
        // nothing is read; the writes that carry the code go in one batch with the engine's (DeferWrite), and then the commit.
        work.Hold(await DossierNumberGate.EnterAsync(unit.Code, ct));
        dossier.Code = DossierCodes.Format(unit.Code, VietnamTime.DateOf(now), await DossierCodes.NextAsync(work.Transaction, unit.Code, VietnamTime.DateOf(now), ct));
        dossier.ReceivedAt = now;
        dossier.ReceivedBy = work.Actor.UserName;

        var variables = new JsonObject();
        foreach (var (name, value) in choice.WorkflowInputs ?? new Dictionary<string, string>()) variables[name] = value;
        variables["dossierCode"] = dossier.Code;
        variables["dossierId"] = dossier.Id.ToString();
        variables["receivingUnit"] = dossier.ReceivingUnitId.ToString();
        variables["processingUnit"] = dossier.ProcessingUnitId.ToString();
        variables["procedureCode"] = procedure.Code;
        variables["applicantName"] = dossier.Applicant.FullName;
        if (dossier.Copies is { } copies) variables["copies"] = copies;
        if (dossier.Pages is { } pages) variables["pages"] = pages;
        var action = choice.Decision switch { ReceptionDecision.Accept => "accept", ReceptionDecision.RequestSupplement => "request-supplement", _ => "refuse" };
        var contact = CitizenContact.Of(dossier);
        string kind;
        FirstStep receive;
        switch (choice.Decision)
        {
            case ReceptionDecision.Accept:
                dossier.ClockStartedAt = now;
                dossier.AppointmentAt = dossier.OriginalAppointmentAt = cal.ComputeAppointment(now, procedure.TimeLimit, work.ReceivingUnit).ToUniversalTime();
                dossier.Status = DossierStatus.Accepted;
                kind = "Received";
                receive = new FirstStep(action, DossierSteps.Receive, Messages: [OutboxMessage.From(new DossierReceived(dossier.Id,
                    dossier.Code, dossier.ReceivingUnitId, dossier.ProcessingUnitId, dossier.ProcedureId, now, dossier.AppointmentAt.Value,
                    dossier.FeeAmount, contact))]);
                break;
            case ReceptionDecision.RequestSupplement:
                var missing = choice.MissingItems(procedure, dossier);
                SupplementRules.Apply(dossier, missing, now, cal, policy!);
                kind = "SupplementRequested";
                receive = new FirstStep(action, DossierSteps.Receive, choice.Reason, SupplementRules.Data(dossier),
                    [OutboxMessage.From(new SupplementRequested(dossier.Id, dossier.Code, dossier.ReceivingUnitId, missing, dossier.SupplementDueAt, contact))],
                    SupplementRules.Facts(dossier));
                break;
            default:
                dossier.Status = DossierStatus.NotAccepted;
                dossier.Result = DossierResult.Refused;
                dossier.FinishedAt = now;
                dossier.ResultNote = choice.Reason!.Trim();
                kind = "NotAccepted";
                receive = new FirstStep(action, DossierSteps.Receive, dossier.ResultNote, Messages: [OutboxMessage.From(new DossierRefused(
                    dossier.Id, dossier.Code, dossier.ReceivingUnitId, AtReception: true, dossier.ResultNote, now, contact))]);
                break;
        }
        // One engine call starts the instance and takes its receive step; the clerk's right to that step is checked on what it
        // took, and a refusal rolls both back when the work is disposed.
        var moved = await work.StartAsync(engine, new StartInstance(competence.WorkflowDefinitionId, variables, competence.WorkflowVersion,
            dossier.Code, work.Actor.UserName) { FirstStep = receive, Resolved = definition, DeferWrite = true }, ct);
        if (moved.Error is { } notStarted) return notStarted;
        var item = work.Took(action, moved.Value!.FirstStepTaken);
        if (item.Error is { } cannot) return cannot;
        await work.RecordAsync(kind, item.Value, choice.Reason, new
        {
            code = dossier.Code, appointmentAt = dossier.AppointmentAt, fee = dossier.FeeAmount, missingItems = dossier.MissingItems,
            receptionDay = cal.ReceptionDay(now),
        }, moved.Value, ct);
        var receipt = new ReceptionReceipt(dossier.Id, dossier.Code, dossier.Status, now, cal.ReceptionDay(now), dossier.AppointmentAt, dossier.FeeAmount,
            dossier.ReceivingUnitId, dossier.ProcessingUnitId, dossier.MissingItems, dossier.SupplementDueAt, dossier.ResultNote,
            Revision: dossier.Revision + 1); // the commit below counts this reception
        // A retry that raced the first reception with the same key answers its receipt; this one is rolled back when the work is disposed.
        if (await IdempotencyKeys.RecordAsync(db.Database, key, receipt, now, ct) is { } first) return first;
        await work.CommitAsync(ct);
        return receipt;
    }
}
