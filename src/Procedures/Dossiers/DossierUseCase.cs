using System.Text.Json.Nodes;
using Engine.Runtime;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>
/// What every use case on an existing dossier needs, and its sequence written once: open the dossier under its lock (actor and
/// expected revision checked), act, commit, answer the dossier's state. <see cref="MoveAsync"/> is the common act: take an
/// action on the open work item of a step, record it in the dossier's history.
/// </summary>
public sealed partial class DossierUseCase(ProceduresDb db, WorkflowRuntime engine, OfficialDirectory officials, CalendarProvider calendar,
    TimeProvider clock, DossierSettings settings)
{
    public ProceduresDb Db => db;
    public WorkflowRuntime Engine => engine;
    public OfficialDirectory Officials => officials;
    public DossierSettings Settings => settings;
    public CalendarProvider Calendar => calendar;
    public TimeProvider Clock => clock;

    internal Task<DomainResult<DossierWork>> OpenAsync(Guid dossierId, string actor, int? expectedRevision, CancellationToken ct) =>
        DossierWork.OpenAsync(db, officials, calendar, clock, settings, dossierId, actor, expectedRevision, ct);

    /// <summary>Opens the dossier, runs <paramref name="act"/> (an error: nothing is kept), commits and answers the state.</summary>
    internal Task<DomainResult<DossierState>> RunAsync(Guid dossierId, string actor, int? expectedRevision, Func<DossierWork, Task<DomainError?>> act,
        CancellationToken ct) =>
        RunAsync(OpenAsync(dossierId, actor, expectedRevision, ct), act, ct);

    /// <summary>As <see cref="RunAsync(Guid, string, int?, Func{DossierWork, Task{DomainError?}}, CancellationToken)"/> on a leader's opening.</summary>
    internal Task<DomainResult<DossierState>> RunForLeaderAsync(Guid dossierId, string actor, DomainError notTheirs, int? expectedRevision,
        Func<DossierWork, Task<DomainError?>> act, CancellationToken ct) =>
        RunAsync(DossierWork.OpenForLeaderAsync(db, officials, calendar, clock, settings, dossierId, actor, notTheirs, expectedRevision, ct), act, ct);

    private static async Task<DomainResult<DossierState>> RunAsync(Task<DomainResult<DossierWork>> opening, Func<DossierWork, Task<DomainError?>> act,
        CancellationToken ct)
    {
        var opened = await opening;
        if (opened.Error is { } notOpened) return notOpened;
        await using var work = opened.Value!;
        if (await act(work) is { } refused) return refused;
        await work.CommitAsync(ct);
        return work.State();
    }

    /// <summary>
    /// A system administrator's repair of a dossier's workflow: the reason required, the instance found (<paramref name="instance"/>),
    /// the dossier opened for repair (its revision checked against <paramref name="expectedRevision"/> under the lock), then
    /// <paramref name="repair"/> with the trimmed reason (it ends by recording and committing).
    /// </summary>
    internal async Task<DomainResult<WorkflowRepaired>> RepairAsync(string actor, string? reason, int? expectedRevision, Func<Task<DomainResult<Guid>>> instance,
        Func<DossierWork, string, Task<DomainResult<WorkflowRepaired>>> repair, CancellationToken ct)
    {
        if (WorkflowRepairRules.Reason(reason) is { } noReason) return noReason;
        var found = await instance();
        if (found.Error is { } notFound) return notFound;
        var opened = await DossierWork.OpenForRepairAsync(db, officials, calendar, clock, settings, found.Value, actor, expectedRevision, ct);
        if (opened.Error is { } refused) return refused;
        await using var work = opened.Value!;
        return await repair(work, reason!.Trim());
    }

    /// <summary>Opens the dossier and takes <paramref name="move"/>: the common use case, from the lock to the commit.</summary>
    internal Task<DomainResult<DossierState>> MoveAsync(Guid dossierId, string actor, int? expectedRevision, DossierMove move, CancellationToken ct) =>
        RunAsync(dossierId, actor, expectedRevision, work => MoveAsync(work, move, ct), ct);

    /// <summary>
    /// The open item at one of the move's steps that the actor may take (<see cref="DossierWork.ItemFor"/>); the move's own checks
    /// and changes; the engine's move with what they give it; processing marked (unless the move says otherwise); the history row.
    /// </summary>
    internal async Task<DomainError?> MoveAsync(DossierWork work, DossierMove move, CancellationToken ct)
    {
        var item = move.Item?.Invoke(work) ?? work.ItemFor(move.Action, move.Steps);
        if (item.Error is { } cannot) return cannot;
        var input = move.Prepare is { } prepare ? await prepare(work, item.Value!, ct) : new DossierMoveInput();
        if (input.Error is { } refused) return refused;
        var given = input.Value!;
        var moved = await work.CompleteAsync(engine, item.Value!, move.Action, move.Comment, given.Data, given.Messages, ct, given.ConsultationSubject, given.Facts);
        if (moved.Error is { } failed) return failed;
        if (move.MarksProcessing) work.MarkProcessing();
        var history = move.Moved is { } facts ? await facts(work, item.Value!, moved.Value!, ct) : given.History;
        var row = await work.RecordAsync(move.Kind(item.Value!), item.Value, given.HistoryComment ?? move.Comment, history, moved.Value, ct);
        return move.After is { } after ? await after(work, item.Value!, moved.Value!, row, ct) : null;
    }
}

/// <summary>
/// An action on the open work item of one of <paramref name="Steps"/>, recorded in the history as <paramref name="Kind"/>. The hooks
/// are the use case's own rules: <see cref="Prepare"/> checks and changes the dossier once the item is known and gives the engine what
/// the move carries; <see cref="After"/> does what follows the move (an archive, a consultation's deadline on the history row).
/// </summary>
internal sealed record DossierMove(string Action, Func<DossierWorkItem, string> Kind, params string[] Steps)
{
    public DossierMove(string action, string kind, params string[] steps) : this(action, _ => kind, steps) { }

    public string? Comment { get; init; }
    public bool MarksProcessing { get; init; } = true;
    /// <summary>Finds the item another way than by the steps (a leader's item, a consultation's).</summary>
    public Func<DossierWork, DomainResult<DossierWorkItem>>? Item { get; init; }
    public Func<DossierWork, DossierWorkItem, CancellationToken, Task<DomainResult<DossierMoveInput>>>? Prepare { get; init; }
    /// <summary>The history row's facts when they depend on the move (instead of <see cref="DossierMoveInput.History"/>).</summary>
    public Func<DossierWork, DossierWorkItem, TransitionResult, CancellationToken, Task<object?>>? Moved { get; init; }
    public Func<DossierWork, DossierWorkItem, TransitionResult, DossierEvent, CancellationToken, Task<DomainError?>>? After { get; init; }
}

/// <summary>
/// What a move carries: the person's form <paramref name="Data"/>, <paramref name="Messages"/> for the outbox, <paramref name="Facts"/>
/// the use case sets on the workflow; and the history row's facts (<paramref name="History"/>) and comment when not the move's.
/// </summary>
internal sealed record DossierMoveInput(JsonObject? Data = null, IReadOnlyList<OutboxMessage>? Messages = null, JsonObject? Facts = null,
    object? History = null, string? ConsultationSubject = null, string? HistoryComment = null);
