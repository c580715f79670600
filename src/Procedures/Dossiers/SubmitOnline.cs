using Microsoft.EntityFrameworkCore;
using Procedures.Catalogue;
using Procedures.Common;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>
/// A citizen submits a dossier online to a receiving unit; a clerk checks and receives it later.
/// <paramref name="ProcessingUnitId"/> names the competent unit where it is not above the receiving unit (e.g. the commune
/// police for residence registration at the commune's one-stop shop); it must be competent for the procedure today.
/// </summary>
public sealed record SubmitOnline(
    Guid CitizenAccountId, Guid ReceivingUnitId, Guid ProcedureId, ApplicantData Applicant, IReadOnlyList<HandedDocument> Documents,
    int? Copies = null, int? Pages = null, Guid? ProcessingUnitId = null, string? IdempotencyKey = null);

public sealed record OnlineSubmission(Guid DossierId, DossierStatus Status, DateTimeOffset SubmittedAt);

/// <summary>
/// Creates the dossier as Registered (portal code 1), without a code: the code and the clock come with the
/// clerk's reception. The procedure must accept online submissions and the named unit, or else one above the
/// receiving unit, must be competent for it. With an <see cref="SubmitOnline.IdempotencyKey"/>, a retry answers the first submission.
/// </summary>
public sealed class SubmitOnlineHandler(ProceduresDb db, TimeProvider clock, Organisation.OfficialDirectory officials)
{
    public async Task<DomainResult<OnlineSubmission>> HandleAsync(SubmitOnline request, CancellationToken ct = default)
    {
        if (request.CitizenAccountId == Guid.Empty)
            return DomainError.Invalid("citizenAccountId", "required", "Thiếu tài khoản công dân.", "The citizen account is required.");
        var key = Key(request);
        if (await IdempotencyKeys.FindAsync<OnlineSubmission>(db.Database, key, clock.GetUtcNow(), ct) is { } first) return first;
        if (ApplicantRules.Refusal(request.Applicant) is { } badApplicant) return badApplicant;
        if (request.Documents?.Any(d => d.DigitisedOriginal) == true)
            return DomainError.Invalid("documents", "digitised-by-clerk-only", "Chỉ cán bộ tiếp nhận mới xác nhận bản số hóa từ bản gốc.",
                "Only the receiving official confirms a digitised original.");
        var procedure = await ReceptionRules.ProcedureAsync(db, request.ProcedureId, Channel.Online, ct);
        if (procedure.Error is { } noProcedure) return noProcedure;
        var today = officials.Today;
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.ReceivingUnitId, ct);
        if (unit is null || !unit.IsEffectiveOn(today))
            return DomainError.Invalid("receivingUnitId", "unknown-unit", "Không có đơn vị tiếp nhận này.", "No such receiving unit.");
        var competence = await ReceptionRules.CompetenceAsync(db, request.ProcedureId, unit, request.ProcessingUnitId, today, ct);
        if (competence.Error is { } notCompetent) return notCompetent;
        if (DossierFees.Compute(procedure.Value!.Fees, today, request.Copies, request.Pages).Error is { } badFee) return badFee;
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var documents = ReceptionRules.Documents(procedure.Value!, request.Documents ?? [], id, fromSupplement: false);
        if (documents.Error is { } badDocument) return badDocument;

        db.Dossiers.Add(new Dossier
        {
            Id = id, ProcedureId = request.ProcedureId, ReceivingUnitId = unit.Id, ProcessingUnitId = competence.Value!.UnitId,
            Channel = Channel.Online, Applicant = request.Applicant!.ToEntity(), CitizenAccountId = request.CitizenAccountId,
            Status = DossierStatus.Registered, SubmittedAt = now, Copies = request.Copies, Pages = request.Pages,
            Documents = documents.Value!, CreatedAt = now, UpdatedAt = now,
        });
        db.DossierEvents.Add(new DossierEvent
        {
            DossierId = id, At = now, Kind = "Submitted", Actor = Actor(request), ActorName = "Công dân (trực tuyến)",
            ActorUnitId = null, Receiver = null, Step = null,
        });
        return await IdempotencyKeys.SaveOnceAsync(db, key, new OnlineSubmission(id, DossierStatus.Registered, now), now, ct);
    }

    /// <summary>The first submission of an earlier request with the request's key (or Reused for another request); null when there is none.</summary>
    public Task<DomainResult<OnlineSubmission>?> FirstAsync(SubmitOnline request, CancellationToken ct = default) =>
        IdempotencyKeys.FindAsync<OnlineSubmission>(db.Database, Key(request), clock.GetUtcNow(), ct);

    private static string Actor(SubmitOnline request) => $"citizen:{request.CitizenAccountId}";

    private static IdempotencyKey? Key(SubmitOnline request) =>
        IdempotencyKey.For(Actor(request), request.IdempotencyKey, "submit-online", request with { IdempotencyKey = null });
}
