using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Persistence;

namespace Procedures.Citizens;

public sealed record CitizenDossierSummary(Guid Id, string? Code, DossierStatus Status, int StatusCode, Guid ProcedureId, string ProcedureName,
    DateTimeOffset? SubmittedAt, DateTimeOffset? AppointmentAt, DateTimeOffset? FinishedAt);

public sealed record CitizenDossierPage(IReadOnlyList<CitizenDossierSummary> Items, int Total, int Page, int PageSize);

/// <summary>A step of the dossier as the citizen sees it: what happened and when, with the reason where one is owed to them.</summary>
public sealed record CitizenEvent(DateTimeOffset At, string Kind, string? Comment);

/// <summary>The citizen's own dossier: status, dates, what is missing, the documents and a public history (no officials' notes).</summary>
public sealed record CitizenDossierView(Guid Id, string? Code, DossierStatus Status, int StatusCode, string StatusVi, string StatusEn,
    Guid ProcedureId, string ProcedureName, string ReceivingUnitName, ApplicantData Applicant, DateTimeOffset? SubmittedAt, DateTimeOffset? ReceivedAt,
    DateTimeOffset? AppointmentAt, DateTimeOffset? FinishedAt, DateTimeOffset? ReturnedAt, IReadOnlyList<string> MissingItems, DateTimeOffset? SupplementDueAt,
    string? Outcome, IReadOnlyList<DocumentView> Documents, IReadOnlyList<CitizenEvent> History, int Revision);

/// <summary>The citizen's dossiers (only those submitted from their account; anyone else's is NotFound).</summary>
public sealed class CitizenDossierQueries(ProceduresDb db)
{
    /// <summary>Events whose comment the citizen is owed (a reason, the missing items); others show only kind and time.</summary>
    private static readonly HashSet<string> PublicComments = ["SupplementRequested", "NotAccepted", "Refused", "Withdrawn", "Apologised", "Returned"];

    public async Task<CitizenDossierPage> ListAsync(Guid citizenAccountId, int page, int pageSize, CancellationToken ct = default)
    {
        var q = db.Dossiers.AsNoTracking().Where(d => d.CitizenAccountId == citizenAccountId && citizenAccountId != Guid.Empty);
        var total = await q.CountAsync(ct);
        var items = await (from d in q
                           join p in db.Procedures on d.ProcedureId equals p.Id
                           orderby d.SubmittedAt descending, d.Id descending
                           select new { d.Id, d.Code, d.Status, d.ProcedureId, p.Name, d.SubmittedAt, d.AppointmentAt, d.FinishedAt })
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        // The portal code is the enum's value, computed here: the column holds the name.
        return new CitizenDossierPage(items.Select(d => new CitizenDossierSummary(d.Id, d.Code, d.Status, (int)d.Status, d.ProcedureId, d.Name,
            d.SubmittedAt, d.AppointmentAt, d.FinishedAt)).ToList(), total, page, pageSize);
    }

    public async Task<DomainResult<CitizenDossierView>> GetAsync(Guid citizenAccountId, Guid dossierId, CancellationToken ct = default)
    {
        var d = await db.Dossiers.AsNoTracking().Include(x => x.Documents)
            .SingleOrDefaultAsync(x => x.Id == dossierId && x.CitizenAccountId == citizenAccountId && citizenAccountId != Guid.Empty, ct);
        if (d is null) return DomainError.NotFound("dossier", "hồ sơ");
        var procedure = await db.Procedures.AsNoTracking().Where(p => p.Id == d.ProcedureId).Select(p => p.Name).SingleAsync(ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == d.ReceivingUnitId).Select(u => u.Name).SingleAsync(ct);
        var events = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == dossierId).OrderBy(e => e.Id)
            .Select(e => new { e.At, e.Kind, e.Comment }).ToListAsync(ct);
        return new CitizenDossierView(d.Id, d.Code, d.Status, (int)d.Status, d.Status.Vietnamese(), d.Status.English(), d.ProcedureId, procedure, unit,
            ApplicantData.From(d.Applicant), d.SubmittedAt, d.ReceivedAt, d.AppointmentAt, d.FinishedAt, d.ReturnedAt, d.MissingItems, d.SupplementDueAt,
            d.Status is DossierStatus.NotAccepted or DossierStatus.Stopped or DossierStatus.Withdrawn ? d.ResultNote : null,
            d.Documents.OrderBy(x => x.Id).Select(x => new DocumentView(x.Id, x.ProcedureDocumentId, x.Name, x.Copies, x.Form, x.Provided, x.FromSupplement, x.AttachmentId)).ToList(),
            events.Select(e => new CitizenEvent(e.At, e.Kind, PublicComments.Contains(e.Kind) ? e.Comment : null)).ToList(), d.Revision);
    }
}

public sealed record SubmitSupplement(Guid DossierId, Guid CitizenAccountId, IReadOnlyList<SubmittedDocument> Documents, string? Note = null, int? ExpectedRevision = null);

/// <summary>
/// The citizen answers a supplement request online: the files are kept with the dossier and the history says so;
/// the one-stop shop's clerk then checks them and receives the supplement (which restarts the clock).
/// </summary>
public sealed class SubmitSupplementHandler(ProceduresDb db, TimeProvider clock)
{
    public async Task<DomainResult<SupplementSubmissionView>> HandleAsync(SubmitSupplement request, CancellationToken ct = default)
    {
        if (request.Documents is not { Count: > 0 })
            return DomainError.Invalid("documents", "required", "Cần gửi ít nhất một giấy tờ bổ sung.", "Send at least one document.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM procedures.dossiers WHERE id = {request.DossierId} FOR UPDATE", ct);
        var dossier = await db.Dossiers.Include(d => d.Documents).SingleOrDefaultAsync(d => d.Id == request.DossierId, ct);
        if (dossier is null || dossier.CitizenAccountId != request.CitizenAccountId || request.CitizenAccountId == Guid.Empty)
            return DomainError.NotFound("dossier", "hồ sơ");
        if (request.ExpectedRevision is { } expected && dossier.Revision != expected) return DomainError.StaleRevision(dossier.Revision);
        if (dossier.Status != DossierStatus.SupplementRequested)
            return DomainError.Conflict("no-supplement-requested", "Hồ sơ không ở trạng thái chờ bổ sung.", "The dossier is not waiting for a supplement.");
        var procedureDocuments = await db.ProcedureDocuments.AsNoTracking().Where(p => p.ProcedureId == dossier.ProcedureId).Select(p => p.Id).ToListAsync(ct);
        if (request.Documents.FirstOrDefault(x => x.ProcedureDocumentId is { } id && !procedureDocuments.Contains(id) || x.ProcedureDocumentId is null && string.IsNullOrWhiteSpace(x.Name)) is not null)
            return DomainError.Invalid("documents", "unknown-document", "Giấy tờ không thuộc thành phần hồ sơ của thủ tục.", "A document is not one of the procedure's documents.");
        var now = clock.GetUtcNow();
        var submission = new SupplementSubmission
        {
            Id = Guid.CreateVersion7(now), DossierId = dossier.Id, CitizenAccountId = request.CitizenAccountId, SubmittedAt = now,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), Documents = [.. request.Documents],
        };
        db.SupplementSubmissions.Add(submission);
        db.DossierEvents.Add(new DossierEvent
        {
            DossierId = dossier.Id, At = now, Kind = "SupplementSubmitted", Actor = $"citizen:{request.CitizenAccountId}", ActorName = "Công dân (trực tuyến)",
            Comment = submission.Note, Data = JsonSerializer.Serialize(new { submission = submission.Id, documents = request.Documents }, JsonSerializerOptions.Web),
        });
        dossier.Revision++;
        dossier.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return SupplementSubmissionView.From(submission);
    }

    public async Task<IReadOnlyList<SupplementSubmissionView>> ForDossierAsync(Guid dossierId, CancellationToken ct = default) =>
        (await db.SupplementSubmissions.AsNoTracking().Where(s => s.DossierId == dossierId).OrderBy(s => s.SubmittedAt).ToListAsync(ct))
            .Select(SupplementSubmissionView.From).ToList();
}

public sealed record SupplementSubmissionView(Guid Id, Guid DossierId, DateTimeOffset SubmittedAt, string? Note, IReadOnlyList<SubmittedDocument> Documents)
{
    public static SupplementSubmissionView From(SupplementSubmission s) => new(s.Id, s.DossierId, s.SubmittedAt, s.Note, s.Documents);
}
