using Api.Accounts;
using Api.Attachments;
using Api.Audit;
using Api.Dossiers;
using Api.Persistence;
using Api.Problems;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Procedures.Citizens;
using Procedures.Dossiers;

namespace Api.Citizens;

/// <summary>
/// An online submission; the applicant defaults to the account holder's name when not given. <c>processingUnitId</c>
/// names the competent unit when it is not above the receiving unit (residence registration at the commune police).
/// </summary>
public sealed record SubmitOnlineRequest(Guid ReceivingUnitId, Guid ProcedureId, ApplicantData Applicant, IReadOnlyList<HandedDocument> Documents,
    int? Copies = null, int? Pages = null, Guid? ProcessingUnitId = null) : IHandedDossier;

public sealed record SupplementUploadRequest(IReadOnlyList<SubmittedDocument> Documents, string? Note = null);

/// <summary>A citizen's own dossiers: submit, follow, supplement, withdraw, download. Another citizen's dossier is NotFound.</summary>
public static class CitizenDossierEndpoints
{
    public static void Map(RouteGroupBuilder citizen)
    {
        citizen.MapPost("/dossiers", SubmitAsync).Validates<SubmitOnlineRequest>().Audited("citizen.submit")
            .WithName("SubmitOnline").WithSummary("Nộp hồ sơ trực tuyến")
            .WithDescription("Upload the files first (POST /api/v1/attachments) and reference them in documents[].attachmentId. The dossier is registered (status 1) until a clerk receives it. A retry with the same Idempotency-Key answers the first submission.")
            .ProducesProblem(400).ProducesProblem(422).AcceptsIdempotencyKey();
        citizen.MapGet("/dossiers", ListAsync).WithName("MyDossiers").WithSummary("Hồ sơ của tôi");
        citizen.MapGet("/dossiers/{id:guid}", GetAsync).Audited("citizen.dossier.read").WithName("MyDossier").WithSummary("Chi tiết hồ sơ của tôi").ProducesProblem(404);
        citizen.MapPost("/dossiers/{id:guid}/withdrawal", WithdrawAsync).Validates<ReasonRequest>().Audited("citizen.withdraw")
            .WithName("WithdrawSubmission").WithSummary("Rút hồ sơ chưa được tiếp nhận")
            .WithDescription("Only before a clerk receives it; afterwards ask the one-stop shop.").ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);
        citizen.MapPost("/dossiers/{id:guid}/supplements", SupplementAsync).Validates<SupplementUploadRequest>().Audited("citizen.supplement")
            .WithName("UploadSupplement").WithSummary("Nộp bổ sung hồ sơ trực tuyến")
            .WithDescription("While the dossier waits for a supplement; the one-stop shop then receives it.").ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        citizen.MapGet("/dossiers/{id:guid}/attachments/{attachmentId:guid}", DownloadAsync).Audited("citizen.attachment.read")
            .WithName("DownloadMyAttachment").WithSummary("Tải tệp của hồ sơ của tôi").ProducesProblem(404);
    }

    private static async Task<Results<Created<OnlineSubmission>, ProblemHttpResult>> SubmitAsync(SubmitOnlineRequest request, HttpContext http,
        SubmitOnlineHandler handler, AttachmentBinder attachments)
    {
        if (IdempotencyKeyHeader.Read(http, out var key) is { } badKey) return badKey;
        var user = CurrentUser.Of(http);
        var command = new SubmitOnline(user.CitizenId, request.ReceivingUnitId, request.ProcedureId, request.Applicant,
            request.Documents, request.Copies, request.Pages, request.ProcessingUnitId, key);
        var ids = request.Documents.Select(d => d.AttachmentId).OfType<Guid>().ToList();
        Procedures.Common.DomainResult<OnlineSubmission> result;
        // A retry's attachments are bound to the first submission's dossier already: it answers the first submission.
        if (await attachments.CheckUnboundAsync(http, user, ids) is { } bad)
        {
            if (await handler.FirstAsync(command, http.RequestAborted) is not { } first) return bad;
            result = first;
        }
        else result = await handler.HandleAsync(command, http.RequestAborted);
        if (result.Error is { } error) return Problem.From(http, error);
        if (!result.Replayed) await attachments.AttachToDossierAsync(result.Value!.DossierId, ids, user, http.RequestAborted);
        http.AuditResource(result.Value!.DossierId);
        return TypedResults.Created($"/api/v1/citizen/dossiers/{result.Value!.DossierId}", result.Value);
    }

    private static async Task<Results<Ok<CitizenDossierPage>, ProblemHttpResult>> ListAsync(HttpContext http, CitizenDossierQueries queries, int page = 1, int pageSize = 20)
    {
        if (page < 1 || pageSize is < 1 or > 100) return Problem.Invalid(http, "pageSize", "out-of-range", "Trang từ 1, cỡ trang từ 1 đến 100.", "Page from 1, page size 1 to 100.");
        return TypedResults.Ok(await queries.ListAsync(CurrentUser.Of(http).CitizenId, page, pageSize, http.RequestAborted));
    }

    private static async Task<Results<Ok<CitizenDossierView>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, CitizenDossierQueries queries)
    {
        var result = await queries.GetAsync(CurrentUser.Of(http).CitizenId, id, http.RequestAborted);
        if (result.Error is { } error) return Problem.From(http, error);
        http.Response.Headers.ETag = RevisionGuard.Tag(result.Value!.Revision);
        return TypedResults.Ok(result.Value!);
    }

    private static async Task<Results<Ok<DossierStateResponse>, ProblemHttpResult>> WithdrawAsync(Guid id, ReasonRequest request, HttpContext http,
        WithdrawDossierHandler handler)
    {
        if (RevisionGuard.Read(http, out var expected) is { } badIfMatch) return badIfMatch;
        var result = await handler.HandleAsync(new WithdrawSubmission(id, CurrentUser.Of(http).CitizenId, request.Reason, expected), http.RequestAborted);
        if (result.Error is { } error) return Problem.From(http, error);
        var revision = result.Value!.Revision;
        http.Response.Headers.ETag = RevisionGuard.Tag(revision);
        return TypedResults.Ok(DossierAction.Response(http, result.Value!, revision));
    }

    private static async Task<Results<Ok<SupplementSubmissionView>, ProblemHttpResult>> SupplementAsync(Guid id, SupplementUploadRequest request, HttpContext http,
        SubmitSupplementHandler handler, AttachmentBinder attachments, DossierAccess access)
    {
        var user = CurrentUser.Of(http);
        var ids = request.Documents.Select(d => d.AttachmentId).ToList();
        if (RevisionGuard.Read(http, out var expected) is { } badIfMatch) return badIfMatch;
        // Another citizen's dossier is NotFound before anything about the files is said.
        if (!await access.CitizenOwnsAsync(user.CitizenId, id, http.RequestAborted)) return Problem.NotFound(http);
        if (await attachments.CheckUnboundAsync(http, user, ids) is { } bad) return bad;
        var result = await handler.HandleAsync(new SubmitSupplement(id, user.CitizenId, request.Documents, request.Note, expected), http.RequestAborted);
        if (result.Error is { } error) return Problem.From(http, error);
        await attachments.AttachToDossierAsync(id, ids, user, http.RequestAborted);
        return TypedResults.Ok(result.Value!);
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(Guid id, Guid attachmentId, HttpContext http,
        DossierAccess access, ApiDb db, IFileStore store)
    {
        if (!await access.CitizenOwnsAsync(CurrentUser.Of(http).CitizenId, id, http.RequestAborted)) return Problem.NotFound(http);
        return await AttachmentEndpoints.StreamAsync(http, db, store, id, attachmentId);
    }
}

public sealed class SubmitOnlineValidator : AbstractValidator<SubmitOnlineRequest>
{
    public SubmitOnlineValidator()
    {
        Include(new HandedDossierValidator());
        RuleFor(x => x.Copies).InclusiveBetween(1, 1000).Says("Số bản từ 1 đến 1000.", "Copies must be 1 to 1000.");
        RuleFor(x => x.Pages).InclusiveBetween(1, 10000).Says("Số trang từ 1 đến 10000.", "Pages must be 1 to 10000.");
    }
}

public sealed class SupplementUploadValidator : AbstractValidator<SupplementUploadRequest>
{
    public SupplementUploadValidator()
    {
        RuleFor(x => x.Documents).NotEmpty().Says("Cần gửi ít nhất một giấy tờ bổ sung.", "Send at least one document.")
            .Must(d => d is null || d.Count <= 50).Says("Tối đa 50 giấy tờ.", "At most 50 documents.");
        RuleForEach(x => x.Documents).ChildRules(d =>
        {
            d.RuleFor(x => x.Name).Optional(500, "tên giấy tờ", "The document name");
            d.RuleFor(x => x.AttachmentId).NotEmpty().Says("Thiếu tệp đính kèm.", "The attachment is required.");
        });
        RuleFor(x => x.Note).Optional(2000, "ghi chú", "The note");
    }
}
