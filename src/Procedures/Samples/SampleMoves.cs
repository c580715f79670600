using System.Globalization;
using Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Calendar;
using Procedures.Catalogue;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Persistence;

namespace Procedures.Samples;

/// <summary>Runs one planned move through its use case, as a separate request (its own scope), at the sample clock's time.</summary>
internal static class SampleMoves
{
    /// <summary>The dossier the move acts on is <paramref name="dossierId"/> (null before it exists); returns it, or the refusal.</summary>
    public static async Task<DomainResult<Guid>> RunAsync(IServiceProvider services, SampleDossierPlan plan, SampleMove move, Guid? dossierId,
        Func<string, Guid> unit, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var id = dossierId ?? Guid.Empty;
        var procedure = plan.Procedure;
        var required = procedure.RequiredDocuments.Where(d => !d.IsOptional).OrderBy(d => d.Order).ToList();
        switch (move.Kind)
        {
            case MoveKind.Counter:
                var handed = (move.Partial ? required.SkipLast(1) : required).Select(d => new HandedDocument(d.Id)).ToList();
                return Id(await sp.GetRequiredService<ReceiveDossierHandler>().HandleAsync(new ReceiveAtCounter(move.Actor, unit(plan.Staff.Shop), procedure.Id,
                    plan.Applicant, handed, move.Decision, move.Text, null, ProcessingUnit(plan, unit), plan.Copies, plan.Pages, plan.FeeByDecision, plan.Inputs), ct));
            case MoveKind.SubmitOnline:
                var submitted = await sp.GetRequiredService<SubmitOnlineHandler>().HandleAsync(new SubmitOnline(plan.CitizenAccountId, unit(plan.Staff.Shop),
                    procedure.Id, plan.Applicant, required.Select(d => new HandedDocument(d.Id)).ToList(), plan.Copies, plan.Pages, ProcessingUnit(plan, unit)), ct);
                return submitted.Error is { } notSubmitted ? notSubmitted : submitted.Value!.DossierId;
            case MoveKind.CheckOnline:
                return Id(await sp.GetRequiredService<ReceiveDossierHandler>().HandleAsync(new ReceiveOnlineSubmission(move.Actor, id, move.Decision, move.Text,
                    move.MissingItems, ProcessingUnit(plan, unit), plan.FeeByDecision, plan.Inputs), ct));
            case MoveKind.WithdrawSubmission:
                return Id(await sp.GetRequiredService<WithdrawDossierHandler>().HandleAsync(new WithdrawSubmission(id, plan.CitizenAccountId, move.Text!), ct));
            case MoveKind.RequestSupplement:
                return Id(await sp.GetRequiredService<RequestSupplementHandler>().HandleAsync(new RequestSupplement(id, move.Actor, move.MissingItems!, move.Text!), ct));
            case MoveKind.ReceiveSupplement:
                return Id(await sp.GetRequiredService<ReceiveSupplementHandler>().HandleAsync(new ReceiveSupplement(id, move.Actor,
                    required.TakeLast(1).Select(d => new HandedDocument(d.Id)).ToList(), "Công dân nộp bổ sung đầy đủ"), ct));
            case MoveKind.Assign:
                return Id(await sp.GetRequiredService<AssignDossierHandler>().HandleAsync(new AssignDossier(id, move.Actor, move.Specialist!, move.Text), ct));
            case MoveKind.Submit:
                var fields = move.PostingDays is { } days
                    ? new Dictionary<string, string> { ["postingEndsAt"] = now.AddDays(days).ToString("O", CultureInfo.InvariantCulture) }
                    : move.Fields;
                return Id(await sp.GetRequiredService<SubmitAppraisalHandler>().HandleAsync(new SubmitAppraisal(id, move.Actor, move.Text!,
                    $"Dự thảo kết quả: {procedure.Name}", Fields: fields), ct));
            case MoveKind.Consult:
                return Id(await sp.GetRequiredService<RequestConsultationHandler>().HandleAsync(new RequestConsultation(id, move.Actor, move.Text!,
                    Action: move.Action!, Fields: move.Fields), ct));
            case MoveKind.Reply:
                return Id(await sp.GetRequiredService<ReplyToConsultationHandler>().HandleAsync(new ReplyToConsultation(id, move.Actor, move.Text!, Fields: move.Fields), ct));
            case MoveKind.Step:
                return Id(await sp.GetRequiredService<CompleteStepHandler>().HandleAsync(new CompleteStep(id, move.Actor, move.StepId!, move.Action!,
                    move.Text, move.Fields), ct));
            case MoveKind.Approve:
                return Id(await sp.GetRequiredService<ApproveDossierHandler>().HandleAsync(new ApproveDossier(id, move.Actor, move.Text), ct));
            case MoveKind.Sign:
                return Id(await sp.GetRequiredService<SignDossierHandler>().HandleAsync(new SignDossier(id, move.Actor), ct));
            case MoveKind.Return:
                return Id(await sp.GetRequiredService<ReturnResultHandler>().HandleAsync(new ReturnResult(id, move.Actor, Channel.Counter,
                    "Người nộp hồ sơ đã nhận kết quả", move.Fields), ct));
            case MoveKind.Refuse:
                return Id(await sp.GetRequiredService<RefuseDossierHandler>().HandleAsync(new RefuseDossier(id, move.Actor, move.Text!), ct));
            case MoveKind.Withdraw:
                return Id(await sp.GetRequiredService<WithdrawDossierHandler>().HandleAsync(new WithdrawDossier(id, move.Actor, move.Text!), ct));
            case MoveKind.Apologise:
                return Id(await sp.GetRequiredService<IssueApologyHandler>().HandleAsync(new IssueApology(id, move.Actor, move.Text!,
                    await NewAppointmentDateAsync(sp, id, move.NewAppointmentDate!.Value, ct), unit(move.DelayUnit!)), ct));
            case MoveKind.FireTimers:
                await sp.GetRequiredService<WorkflowRuntime>().FireDueTimersAsync(ct: ct);
                await sp.GetRequiredService<RecordTimerConsultations>().RecordAsync(ct);
                return id;
            default:
                throw new ArgumentOutOfRangeException(nameof(move), move.Kind, "Unknown sample move.");
        }
    }

    /// <summary>The planned new date, or a week after the current appointment where a land posting has moved it past the plan.</summary>
    private static async Task<DateOnly> NewAppointmentDateAsync(IServiceProvider sp, Guid id, DateOnly planned, CancellationToken ct)
    {
        var current = await sp.GetRequiredService<ProceduresDb>().Dossiers.AsNoTracking().Where(d => d.Id == id).Select(d => d.AppointmentAt).SingleAsync(ct);
        if (current is not { } at) return planned;
        var calendar = sp.GetRequiredService<CalendarProvider>().Current;
        var day = VietnamTime.DateOf(at);
        if (planned > day) return planned;
        for (var i = 0; i < 5; i++) day = calendar.NextWorkingDay(day);
        return day;
    }

    private static Guid? ProcessingUnit(SampleDossierPlan plan, Func<string, Guid> unit) =>
        plan.Staff.ProcessingUnit is { } code ? unit(code) : null;

    private static DomainResult<Guid> Id(DomainResult<ReceptionReceipt> result) => result.Error is { } e ? e : result.Value!.DossierId;

    private static DomainResult<Guid> Id(DomainResult<DossierState> result) => result.Error is { } e ? e : result.Value!.DossierId;
}
