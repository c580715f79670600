using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Runtime;
using Procedures.Common;

namespace Procedures.Dossiers;

internal sealed partial class DossierWork
{
    /// <summary>
    /// Takes <paramref name="action"/> on the work item in this transaction, then applies what the move opened.
    /// <paramref name="data"/> is what the official entered (the step's form; the engine refuses anything else by name);
    /// <paramref name="facts"/> are what the use case itself records with the move (an appraisal's text, a deadline).
    /// </summary>
    public async Task<DomainResult<TransitionResult>> CompleteAsync(WorkflowRuntime engine, DossierWorkItem item, string action,
        string? comment, JsonObject? data, IReadOnlyList<OutboxMessage>? messages, CancellationToken ct, string? consultationSubject = null,
        JsonObject? facts = null)
    {
        var locked = _locked;
        var moved = await engine.CompleteAsync(new CompleteWorkItem(item.Id, action, Actor.UserName, comment, data, null, messages, facts) { Locked = locked },
            Transaction, ct);
        if (!moved.Succeeded) return DomainError.FromEngine(moved.Error!);
        await AfterMoveAsync(moved.Value!, consultationSubject, ct);
        return moved.Value!;
    }

    /// <summary>
    /// Starts the dossier's workflow instance in this transaction. Writes the engine deferred (<see cref="StartInstance.DeferWrite"/>)
    /// go out with the dossier's own at the commit: until then nothing of the instance can be read back.
    /// </summary>
    public async Task<DomainResult<TransitionResult>> StartAsync(WorkflowRuntime engine, StartInstance request, CancellationToken ct)
    {
        var started = await engine.StartAsync(request, Transaction, ct);
        if (!started.Succeeded) return DomainError.FromEngine(started.Error!);
        Dossier.WorkflowInstanceId = started.Value!.InstanceId;
        _pending = started.Value.Write;
        await AfterMoveAsync(started.Value!, null, ct);
        return started.Value!;
    }

    /// <summary>Set by a definition once the tax notice is out (workflows/README.md): the citizen now owes the financial obligation.</summary>
    public const string FinancialObligationNotified = "financialObligationNotified";

    /// <summary>
    /// What any move may have opened, whatever the use case: a consulted agency's step gets its consultation row
    /// (own deadline, the work item's due time on the calendar); a tax notice puts the dossier at portal code 6 until the
    /// result is ready; the return step means the result is ready.
    /// </summary>
    private async Task AfterMoveAsync(TransitionResult moved, string? consultationSubject, CancellationToken ct)
    {
        // The move's result says where the instance stands: its open work items and the tax-notice flag, with no read of ours.
        Follow(moved);
        var obligationNotified = moved.Flag(FinancialObligationNotified);
        foreach (var item in moved.OpenedWorkItems.Where(w => w.Role == StepRoles.ConsultedOfficer && Guid.TryParse(w.UnitId, out _)))
            Db.Consultations.Add(new Consultation
            {
                Id = Guid.CreateVersion7(Now), DossierId = Dossier.Id, ConsultedUnitId = Guid.Parse(item.UnitId!),
                Subject = consultationSubject ?? item.Title ?? item.StepId, RequestedAt = Now, RequestedBy = Actor.UserName,
                DueAt = item.DueAt, WorkItemId = item.Id,
            });
        if (Dossier.Status is DossierStatus.Accepted or DossierStatus.Processing && moved.Status == InstanceStatus.Running && obligationNotified)
            Dossier.Status = DossierStatus.FinancialObligation;
        if (moved.OpenedWorkItems.Any(w => w.StepId == DossierSteps.ReturnResult) && Dossier.Status != DossierStatus.Finished)
        {
            Dossier.Status = DossierStatus.Finished;
            Dossier.Result = DossierResult.Approved;
            Dossier.FinishedAt = Now;
            Dossier.Timeliness = DossierTimeliness.Judge(Calendar, Now, Dossier.AppointmentAt, Settings.EarlyMargin, ReceivingUnit);
            await AddMessageAsync(new ResultReady(Dossier.Id, Dossier.Code!, Dossier.ReceivingUnitId, Now, Dossier.AppointmentAt,
                CitizenContact.Of(Dossier)), ct);
        }
    }

    /// <summary>
    /// The dossier's history row for this use case (Form 05): who, at which step, due when and whether early, on
    /// time or late; the receiver is whoever the move handed the dossier to by name.
    /// </summary>
    public async Task<DossierEvent> RecordAsync(string kind, DossierWorkItem? item, string? comment, object? data = null,
        TransitionResult? moved = null, CancellationToken ct = default)
    {
        var receiver = FirstAssignee(moved);
        var receiverName = receiver is null ? null
            : _names.TryGetValue(receiver, out var known) ? known
            : (await _officials.NamesAsync([receiver], ct)).GetValueOrDefault(receiver);
        var row = new DossierEvent
        {
            DossierId = Dossier.Id, At = Now, Kind = kind, Actor = Actor.UserName, ActorName = Actor.FullName,
            ActorUnitId = item?.Unit, Receiver = receiver, ReceiverName = receiverName,
            Step = item?.StepId, Comment = comment, DueAt = item?.DueAt,
            Timeliness = DossierTimeliness.Judge(Calendar, Now, item?.DueAt, Settings.EarlyMargin, item?.UnitId),
            Data = HistoryFacts.Of(data, moved?.OpenedWorkItems, Json),
        };
        _history.Add(row);
        return row;
    }

    /// <summary>Whoever the move handed the dossier to by name: the first assignee among the items it opened.</summary>
    private static string? FirstAssignee(TransitionResult? moved)
    {
        foreach (var w in moved?.OpenedWorkItems ?? [])
            if (w.Assignee is not null) return w.Assignee;
        return null;
    }
}

/// <summary>Step ids and actions of the workflow conventions (workflows/README.md) that the dossier code relies on.</summary>
public static class DossierSteps
{
    public const string Receive = "receive";
    public const string Assign = "assign";
    public const string Process = "process";
    public const string Review = "review";
    public const string Sign = "sign";
    public const string ReturnResult = "return-result";
    public const string AwaitSupplement = "await-supplement";
    /// <summary>Judicial record: the specialist compiles the police's verification into the draft certificate.</summary>
    public const string Compile = "compile";
    /// <summary>Marriage: the specialist verifies the conditions before the signature.</summary>
    public const string Verify = "verify";
}
