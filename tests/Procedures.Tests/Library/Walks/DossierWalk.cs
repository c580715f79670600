using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Catalogue;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Persistence;
using Procedures.Samples;
using Procedures.Tests.Dossiers;
using Tests.Shared;

namespace Procedures.Tests.Library.Walks;

/// <summary>
/// One dossier driven through the use cases, each call in its own scope (as a separate request) after moving the
/// clock by <see cref="Pace"/>. Every call checks the portal status and the open steps it leads to, and remembers
/// the history row it must have written, which <see cref="ShouldHaveRecordedEachUseCase"/> checks at the end.
/// </summary>
public sealed class DossierWalk(IServiceProvider services, MovableClock clock, SampleProvince province)
{
    private readonly List<(string Kind, string Actor)> _expected = [];

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";

    /// <summary>Office time between two use cases.</summary>
    public TimeSpan Pace { get; set; } = TimeSpan.FromMinutes(30);

    public async Task<ReceptionReceipt> ReceiveAsync(ReceiveAtCounter request, string[] next,
        DossierStatus status = DossierStatus.Accepted, string kind = "Received")
    {
        await using var scope = services.CreateAsyncScope();
        var receipt = (await scope.ServiceProvider.GetRequiredService<ReceiveDossierHandler>().HandleAsync(request)).Ok();
        (Id, Code) = (receipt.DossierId, receipt.Code);
        receipt.Status.ShouldBe(status);
        await ShouldBeAt(status, next, $"{kind} by {request.Actor}");
        _expected.Add((kind, request.Actor));
        return receipt;
    }

    /// <summary>A citizen's online submission: Registered (1), no code, no workflow yet.</summary>
    public async Task<OnlineSubmission> SubmitOnlineAsync(SubmitOnline request)
    {
        await using var scope = services.CreateAsyncScope();
        var submitted = (await scope.ServiceProvider.GetRequiredService<SubmitOnlineHandler>().HandleAsync(request)).Ok();
        Id = submitted.DossierId;
        submitted.Status.ShouldBe(DossierStatus.Registered);
        await ShouldBeAt(DossierStatus.Registered, [], "online submission");
        _expected.Add(("Submitted", $"citizen:{request.CitizenAccountId}"));
        return submitted;
    }

    /// <summary>The clerk's check of an online submission, with the history row its decision writes.</summary>
    public async Task<ReceptionReceipt> ReceiveOnlineAsync(string clerk, ReceptionDecision decision, string? reason, string[] next,
        IReadOnlyDictionary<string, string>? inputs = null)
    {
        clock.Advance(Pace);
        await using var scope = services.CreateAsyncScope();
        var receipt = (await scope.ServiceProvider.GetRequiredService<ReceiveDossierHandler>().HandleAsync(
            new ReceiveOnlineSubmission(clerk, Id, decision, reason, WorkflowInputs: inputs))).Ok();
        Code = receipt.Code;
        var (status, kind) = decision switch
        {
            ReceptionDecision.Accept => (DossierStatus.Accepted, "Received"),
            ReceptionDecision.RequestSupplement => (DossierStatus.SupplementRequested, "SupplementRequested"),
            _ => (DossierStatus.NotAccepted, "NotAccepted"),
        };
        receipt.Status.ShouldBe(status);
        await ShouldBeAt(status, next, $"{kind} by {clerk}");
        _expected.Add((kind, clerk));
        return receipt;
    }

    public Task<DossierState> Assign(string actor, string specialist, params string[] next) =>
        Act<AssignDossierHandler>("Assigned", actor, DossierStatus.Processing, next, h => h.HandleAsync(new AssignDossier(Id, actor, specialist, "Đề nghị thẩm định, báo cáo đúng hạn")));

    public Task<DossierState> Submit(string actor, IReadOnlyDictionary<string, string>? fields, string[] next, DossierStatus status = DossierStatus.Processing) =>
        Act<SubmitAppraisalHandler>("Appraised", actor, status, next, h => h.HandleAsync(
            new SubmitAppraisal(Id, actor, "Hồ sơ đầy đủ, hợp lệ, đủ điều kiện giải quyết", "Dự thảo kết quả giải quyết", Fields: fields)));

    public Task<DossierState> Consult(string actor, string action, IReadOnlyDictionary<string, string>? fields, string[] next,
        IReadOnlyDictionary<string, Guid>? units = null) =>
        Act<RequestConsultationHandler>("ConsultationRequested", actor, DossierStatus.Processing, next, h => h.HandleAsync(
            new RequestConsultation(Id, actor, "Đề nghị phối hợp xác minh", units, action, fields)));

    public Task<DossierState> Reply(string actor, IReadOnlyDictionary<string, string>? fields, string[] next, DossierStatus status = DossierStatus.Processing) =>
        Act<ReplyToConsultationHandler>("ConsultationReplied", actor, status, next, h => h.HandleAsync(
            new ReplyToConsultation(Id, actor, "Đã xử lý theo đề nghị phối hợp", Fields: fields)));

    public Task<DossierState> Approve(string actor, params string[] next) => Approve(actor, DossierStatus.Processing, next);

    public Task<DossierState> Approve(string actor, DossierStatus status, params string[] next) =>
        Act<ApproveDossierHandler>("Approved", actor, status, next, h => h.HandleAsync(new ApproveDossier(Id, actor, "Đồng ý trình ký")));

    /// <summary>A library step no dedicated use case takes (<see cref="CompleteStep"/>).</summary>
    public Task<DossierState> Complete(string actor, string step, string action, IReadOnlyDictionary<string, string>? fields, string[] next,
        DossierStatus status = DossierStatus.Processing, string? comment = null) =>
        Act<CompleteStepHandler>("StepCompleted", actor, status, next, h => h.HandleAsync(new CompleteStep(Id, actor, step, action, comment, fields)));

    public Task<DossierState> SendBack(string actor, string reason, params string[] next) =>
        Act<SendBackDossierHandler>("SentBack", actor, DossierStatus.Processing, next, h => h.HandleAsync(new SendBackDossier(Id, actor, reason)));

    public Task<DossierState> Sign(string actor, params string[] next) =>
        Sign(actor, next.Contains(DossierSteps.ReturnResult) ? DossierStatus.Finished : DossierStatus.Processing, next);

    /// <summary>A signature that leads elsewhere than the return, e.g. to the fee owed (6) before the result.</summary>
    public Task<DossierState> Sign(string actor, DossierStatus status, params string[] next) =>
        Act<SignDossierHandler>("Signed", actor, status, next, h => h.HandleAsync(new SignDossier(Id, actor)));

    /// <summary>Returns the result at the counter; the automatic archive follows in the same transaction (its own history row).</summary>
    public async Task<DossierState> Return(string actor, IReadOnlyDictionary<string, string>? fields = null)
    {
        var state = await Act<ReturnResultHandler>("Returned", actor, DossierStatus.Returned, [], h => h.HandleAsync(
            new ReturnResult(Id, actor, Channel.Counter, "Công dân đã nhận kết quả", fields)));
        _expected.Add(("Archived", actor));
        return state;
    }

    public Task<DossierState> RequestSupplement(string actor, IReadOnlyList<string> missingItems, params string[] next) =>
        Act<RequestSupplementHandler>("SupplementRequested", actor, DossierStatus.SupplementRequested, next, h => h.HandleAsync(
            new RequestSupplement(Id, actor, missingItems, "Hồ sơ chưa đầy đủ theo quy định")));

    /// <summary>The supplement completes the dossier: the clerk's receipt of it is also the new reception (two history rows).</summary>
    public async Task<DossierState> ReceiveSupplement(string actor, IReadOnlyList<HandedDocument> documents, DossierStatus status, params string[] next)
    {
        var state = await Act<ReceiveSupplementHandler>("SupplementReceived", actor, status, next, h => h.HandleAsync(
            new ReceiveSupplement(Id, actor, documents, "Công dân nộp bổ sung đầy đủ")));
        _expected.Add(("Received", actor));
        return state;
    }

    public Task<DossierState> Refuse(string actor, string reason, DossierStatus status) =>
        Act<RefuseDossierHandler>(status == DossierStatus.NotAccepted ? "NotAccepted" : "Refused", actor, status, [],
            h => h.HandleAsync(new RefuseDossier(Id, actor, reason)));

    public Task<DossierState> Withdraw(string actor, string reason) =>
        Act<WithdrawDossierHandler>("Withdrawn", actor, DossierStatus.Withdrawn, [], h => h.HandleAsync(new WithdrawDossier(Id, actor, reason)));

    public Task<DossierState> Apologise(string actor, DateOnly newDate, string delayUnit, DossierStatus status, params string[] next) =>
        Act<IssueApologyHandler>("Apologised", actor, status, next, h => h.HandleAsync(
            new IssueApology(Id, actor, "Chờ kết quả xác minh của cơ quan phối hợp", newDate, province.Unit(delayUnit))));

    /// <summary>A use case that is expected to be refused: nothing is remembered and the clock still moves.</summary>
    public async Task<DomainResult<DossierState>> Try<THandler>(Func<THandler, Task<DomainResult<DossierState>>> call) where THandler : notnull
    {
        clock.Advance(Pace);
        await using var scope = services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    /// <summary>One history row per use case, in order, each with the actor's user name and full name as the directory has them.</summary>
    public async Task ShouldHaveRecordedEachUseCase()
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProceduresDb>();
        var events = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == Id).OrderBy(e => e.Id).ToListAsync();
        var actors = _expected.Select(e => e.Actor).Distinct().ToList();
        var names = await db.Officials.AsNoTracking().Where(o => actors.Contains(o.UserName)).ToDictionaryAsync(o => o.UserName, o => o.FullName);

        events.Select(e => $"{e.Kind} by {e.Actor}").ShouldBe(_expected.Select(e => $"{e.Kind} by {e.Actor}"));
        foreach (var e in events)
            e.ActorName.ShouldBe(names.TryGetValue(e.Actor, out var name) ? name : "Công dân (trực tuyến)", $"{e.Kind} by {e.Actor}");
        events.Select(e => e.At).ShouldBeInOrder(SortDirection.Ascending);
    }

    /// <summary>For walks that take use cases outside this class: the reception, one row per use case, and the archive, in order.</summary>
    public async Task ShouldHaveRecordedEachUseCaseOf(int useCases)
    {
        await using var scope = services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<ProceduresDb>().DossierEvents.AsNoTracking()
            .Where(e => e.DossierId == Id).OrderBy(e => e.Id).ToListAsync();

        events.Count.ShouldBe(useCases + 2, string.Join(", ", events.Select(e => e.Kind)));
        (events[0].Kind, events[^1].Kind).ShouldBe(("Received", "Archived"));
        events.ShouldAllBe(e => e.ActorName.Length > 0);
        events.Select(e => e.At).ShouldBeInOrder(SortDirection.Ascending);
    }

    private async Task<DossierState> Act<THandler>(string kind, string actor, DossierStatus status, string[] next,
        Func<THandler, Task<DomainResult<DossierState>>> call) where THandler : notnull
    {
        var state = (await Try(call)).Ok();
        state.Status.ShouldBe(status, $"portal status after {kind} by {actor}");
        state.OpenSteps.ShouldBe(next, ignoreOrder: true, $"open steps after {kind} by {actor}");
        await ShouldBeAt(status, next, $"{kind} by {actor}");
        _expected.Add((kind, actor));
        return state;
    }

    /// <summary>The stored dossier and its workflow instance agree with what the use case answered.</summary>
    private async Task ShouldBeAt(DossierStatus status, string[] next, string after)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProceduresDb>();
        var dossier = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == Id);
        dossier.Status.ShouldBe(status, $"stored status after {after}");
        var open = dossier.WorkflowInstanceId is not { } instance ? [] : await db.Database.SqlQuery<string>(
            $"SELECT DISTINCT step_id AS \"Value\" FROM engine.work_items WHERE instance_id = {instance} AND status = 'Open'").ToListAsync();
        open.ShouldBe(next, ignoreOrder: true, $"open work items after {after}");
    }
}
