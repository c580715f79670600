using Microsoft.EntityFrameworkCore;
using Engine.Runtime;
using Procedures.Calendar;
using Procedures.Catalogue;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;
using Procedures.ReferenceData;

namespace Procedures.Dossiers;

/// <summary>A clerk receives a dossier handed in at the counter of <paramref name="ReceivingUnitId"/>.</summary>
public sealed record ReceiveAtCounter(
    string Actor, Guid ReceivingUnitId, Guid ProcedureId, ApplicantData Applicant, IReadOnlyList<HandedDocument> Documents,
    ReceptionDecision Decision = ReceptionDecision.Accept, string? Reason = null, IReadOnlyList<string>? OtherMissingItems = null,
    Guid? ProcessingUnitId = null, int? Copies = null, int? Pages = null, decimal? FeeByDecision = null,
    IReadOnlyDictionary<string, string>? WorkflowInputs = null, string? IdempotencyKey = null);

/// <summary>A clerk of the receiving unit checks an online submission (status Registered) and receives it.</summary>
public sealed record ReceiveOnlineSubmission(
    string Actor, Guid DossierId, ReceptionDecision Decision = ReceptionDecision.Accept, string? Reason = null,
    IReadOnlyList<string>? OtherMissingItems = null, Guid? ProcessingUnitId = null, decimal? FeeByDecision = null,
    IReadOnlyDictionary<string, string>? WorkflowInputs = null, int? ExpectedRevision = null);

/// <summary>
/// Reception (tiếp nhận): checks, then in one transaction the dossier code, the appointment, the fee, the workflow
/// instance started on the competent unit's definition and its <c>receive</c> step completed with the clerk's decision.
/// </summary>
public sealed partial class ReceiveDossierHandler(ProceduresDb db, WorkflowRuntime engine, OfficialDirectory officials,
    CalendarProvider calendar, TimeProvider clock, DossierSettings settings, SupplementPolicies policies, ReferenceCache reference)
{
    /// <summary>The checks were made on reference data that changed meanwhile: the reception runs again on fresh reads.</summary>
    private static readonly DomainError StaleReference = DomainError.Conflict("reference-changed", "Dữ liệu danh mục vừa thay đổi.", "Reference data changed.");

    public async Task<DomainResult<ReceptionReceipt>> HandleAsync(ReceiveAtCounter request, CancellationToken ct = default)
    {
        // A refusal made on the cached copy stands only if the copy is current; the second run reads afresh (the first emptied
        // the cache) and stands, as a reception with no cache would.
        var cached = reference.Current;
        var received = await ReceiveAsync(request, cached, confirm: true, ct);
        return received.Error is { } refused && (refused == StaleReference || !await reference.ConfirmAsync(cached, db, ct))
            ? await ReceiveAsync(request, reference.Current, confirm: false, ct)
            : received;
    }

    private async Task<DomainResult<ReceptionReceipt>> ReceiveAsync(ReceiveAtCounter request, ReferenceCache.Snapshot cached, bool confirm,
        CancellationToken ct)
    {
        var actor = await cached.ActorAsync(officials, request.Actor ?? "", ct);
        if (actor is null || !actor.HasRole(Role.Clerk, request.ReceivingUnitId))
            return DomainError.Forbidden("Chỉ cán bộ tiếp nhận của đơn vị mới được tiếp nhận hồ sơ.", "Only a clerk of the receiving unit may receive dossiers.");
        var key = Key(request);
        if (await IdempotencyKeys.FindAsync<ReceptionReceipt>(db.Database, key, clock.GetUtcNow(), ct) is { } first) return first;
        if (ApplicantRules.Refusal(request.Applicant) is { } badApplicant) return badApplicant;
        var unit = (await cached.UnitAsync(db, request.ReceivingUnitId, ct))!;
        var procedure = await ReceptionRules.ProcedureAsync(db, cached, request.ProcedureId, Channel.Counter, ct);
        if (procedure.Error is { } noProcedure) return noProcedure;
        var competence = await ReceptionRules.CompetenceAsync(db, cached, request.ProcedureId, unit, request.ProcessingUnitId, officials.Today, ct);
        if (competence.Error is { } notCompetent) return notCompetent;
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var documents = ReceptionRules.Documents(procedure.Value!, request.Documents ?? [], id, fromSupplement: false);
        if (documents.Error is { } badDocument) return badDocument;

        var dossier = new Dossier
        {
            Id = id, ProcedureId = request.ProcedureId, ReceivingUnitId = unit.Id, ProcessingUnitId = competence.Value!.UnitId,
            Channel = Channel.Counter, Applicant = request.Applicant.ToEntity(), Status = DossierStatus.Registered,
            SubmittedAt = now, Copies = request.Copies, Pages = request.Pages, Documents = documents.Value!, CreatedAt = now, UpdatedAt = now,
        };
        var choice = new Choice(request.Decision, request.Reason, request.OtherMissingItems, request.FeeByDecision, request.WorkflowInputs);
        if (Check(procedure.Value!, dossier, choice) is { } refused) return refused;
        await using var work = await DossierWork.BeginNewAsync(db, officials, calendar, clock, settings, actor, dossier, ct);
        return await ReceiveAsync(work, unit, procedure.Value!, competence.Value!, choice, key, confirm ? cached : null, ct);
    }

    /// <summary>The first receipt of an earlier reception with the request's key (or Reused for another request); null when there is none.</summary>
    public Task<DomainResult<ReceptionReceipt>?> FirstAsync(ReceiveAtCounter request, CancellationToken ct = default) =>
        IdempotencyKeys.FindAsync<ReceptionReceipt>(db.Database, Key(request), clock.GetUtcNow(), ct);

    private static IdempotencyKey? Key(ReceiveAtCounter request) =>
        IdempotencyKey.For(request.Actor ?? "", request.IdempotencyKey, "receive-at-counter", request with { IdempotencyKey = null });

    public async Task<DomainResult<ReceptionReceipt>> HandleAsync(ReceiveOnlineSubmission request, CancellationToken ct = default)
    {
        var opened = await DossierWork.OpenAsync(db, officials, calendar, clock, settings, request.DossierId, request.Actor, request.ExpectedRevision, ct);
        if (opened.Error is { } notFound) return notFound;
        await using var work = opened.Value!;
        var dossier = work.Dossier;
        if (dossier.Status != DossierStatus.Registered)
            return DomainError.Conflict("already-received", "Hồ sơ đã được tiếp nhận hoặc xử lý.", "The dossier was already received or handled.");
        if (!work.Actor.HasRole(Role.Clerk, dossier.ReceivingUnitId))
            return DomainError.Forbidden("Chỉ cán bộ tiếp nhận của đơn vị mới được tiếp nhận hồ sơ.", "Only a clerk of the receiving unit may receive dossiers.");
        var unit = (await work.Reference.UnitAsync(db, dossier.ReceivingUnitId, ct))!;
        var procedure = await ReceptionRules.ProcedureAsync(db, work.Reference, dossier.ProcedureId, Channel.Online, ct);
        if (procedure.Error is { } noProcedure) return noProcedure;
        // The unit the citizen named (checked again: competence is effective-dated) unless the clerk names another.
        var competence = await ReceptionRules.CompetenceAsync(db, work.Reference, dossier.ProcedureId, unit, request.ProcessingUnitId ?? dossier.ProcessingUnitId,
            officials.Today, ct);
        if (competence.Error is { } notCompetent) return notCompetent;
        dossier.ProcessingUnitId = competence.Value!.UnitId;
        var choice = new Choice(request.Decision, request.Reason, request.OtherMissingItems, request.FeeByDecision, request.WorkflowInputs);
        if (Check(procedure.Value!, dossier, choice) is { } refused) return refused;
        return await ReceiveAsync(work, unit, procedure.Value!, competence.Value!, choice, null, null, ct);
    }

    private sealed record Choice(ReceptionDecision Decision, string? Reason, IReadOnlyList<string>? OtherMissingItems,
        decimal? FeeByDecision, IReadOnlyDictionary<string, string>? WorkflowInputs)
    {
        public List<string> MissingItems(Procedure procedure, Dossier dossier) =>
            [.. ReceptionRules.Missing(procedure, dossier.Documents), .. (OtherMissingItems ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim())];
    }

    /// <summary>Completeness against the decision: accepting needs every required document; the other decisions need their reasons.</summary>
    private static DomainError? Check(Procedure procedure, Dossier dossier, Choice choice) => choice.Decision switch
    {
        ReceptionDecision.Accept when ReceptionRules.Missing(procedure, dossier.Documents) is { Count: > 0 } missing => ReceptionRules.Incomplete(missing),
        ReceptionDecision.RequestSupplement when choice.MissingItems(procedure, dossier).Count == 0 =>
            DomainError.Invalid("missingItems", "required", "Cần liệt kê các thành phần phải bổ sung.", "List the items to supplement."),
        ReceptionDecision.Refuse when string.IsNullOrWhiteSpace(choice.Reason) =>
            DomainError.Invalid("reason", "required", "Cần nêu rõ lý do từ chối.", "A reason for the refusal is required."),
        _ => DossierFees.Compute(procedure.Fees, VietnamTime.DateOf(dossier.SubmittedAt ?? dossier.CreatedAt), dossier.Copies, dossier.Pages, choice.FeeByDecision).Error,
    };
}
