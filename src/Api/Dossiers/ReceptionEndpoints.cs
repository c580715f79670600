using Api.Accounts;
using Api.Attachments;
using Api.Audit;
using Api.Problems;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Procedures.Dossiers;

namespace Api.Dossiers;

/// <summary>A new dossier handed in, at the counter or online: where, for which procedure, by whom, with which documents.</summary>
public interface IHandedDossier
{
    Guid ReceivingUnitId { get; }
    Guid ProcedureId { get; }
    ApplicantData Applicant { get; }
    IReadOnlyList<HandedDocument> Documents { get; }
}

/// <summary>The clerk's reception at the counter: a new dossier, checked and decided on the spot (Forms 01–03).</summary>
public sealed record ReceiveAtCounterRequest(
    Guid ReceivingUnitId, Guid ProcedureId, ApplicantData Applicant, IReadOnlyList<HandedDocument> Documents,
    ReceptionDecision Decision = ReceptionDecision.Accept, string? Reason = null, IReadOnlyList<string>? OtherMissingItems = null,
    Guid? ProcessingUnitId = null, int? Copies = null, int? Pages = null, decimal? FeeByDecision = null,
    IReadOnlyDictionary<string, string>? WorkflowInputs = null) : IHandedDossier;

/// <summary>The clerk's check of an online submission (status 1, registered).</summary>
public sealed record ReceiveOnlineRequest(
    ReceptionDecision Decision = ReceptionDecision.Accept, string? Reason = null, IReadOnlyList<string>? OtherMissingItems = null,
    Guid? ProcessingUnitId = null, decimal? FeeByDecision = null, IReadOnlyDictionary<string, string>? WorkflowInputs = null);

public static class ReceptionEndpoints
{
    public static void Map(RouteGroupBuilder dossiers)
    {
        dossiers.MapPost("/", ReceiveAtCounterAsync).Validates<ReceiveAtCounterRequest>().Audited("dossier.receive")
            .WithName("ReceiveAtCounter").WithSummary("Tiếp nhận hồ sơ tại bộ phận một cửa")
            .WithDescription("Clerk of the receiving unit. Accept → receipt with code and appointment (Form 01); RequestSupplement → every missing item (Form 02); Refuse → reason (Form 03). Attachments uploaded first (POST /api/v1/attachments) are referenced by documents[].attachmentId. A retry with the same Idempotency-Key answers the first receipt.")
            .DossierProblems().AcceptsIdempotencyKey();
        dossiers.MapPost("/{id:guid}/reception", ReceiveOnlineAsync).Validates<ReceiveOnlineRequest>().Audited("dossier.receive-online")
            .WithName("ReceiveOnlineSubmission").WithSummary("Tiếp nhận hồ sơ nộp trực tuyến")
            .WithDescription("Clerk of the receiving unit checks a citizen's online submission and decides as at the counter.")
            .DossierProblems();
    }

    private static async Task<Results<Created<ReceptionReceipt>, ProblemHttpResult>> ReceiveAtCounterAsync(
        ReceiveAtCounterRequest request, HttpContext http, ReceiveDossierHandler handler, AttachmentBinder attachments, ILogger<ReceiveDossierHandler> logger)
    {
        if (IdempotencyKeyHeader.Read(http, out var key) is { } badKey) return badKey;
        var user = CurrentUser.Of(http);
        var command = new ReceiveAtCounter(user.Name, request.ReceivingUnitId, request.ProcedureId, request.Applicant,
            request.Documents, request.Decision, request.Reason, request.OtherMissingItems, request.ProcessingUnitId, request.Copies, request.Pages,
            request.FeeByDecision, request.WorkflowInputs, key);
        var ids = request.Documents.Select(d => d.AttachmentId).OfType<Guid>().ToList();
        // A retry's attachments are bound to the first reception's dossier already: it answers the first receipt.
        Procedures.Common.DomainResult<ReceptionReceipt> result;
        if (await attachments.CheckUnboundAsync(http, user, ids) is { } badAttachment)
        {
            if (await handler.FirstAsync(command, http.RequestAborted) is not { } first) return badAttachment;
            result = first;
        }
        else result = await handler.HandleAsync(command, http.RequestAborted);
        if (result.Error is { } error) return Problem.From(http, error);
        var receipt = result.Value!;
        if (!result.Replayed) await attachments.AttachToDossierAsync(receipt.DossierId, ids, user, http.RequestAborted);
        http.AuditResource(receipt.DossierId);
        http.Response.Headers.ETag = RevisionGuard.Tag(receipt.Revision);
        logger.LogInformation("Dossier {DossierCode} ({DossierId}) received by {UserId}: {Status}", receipt.Code, receipt.DossierId, user.AccountId, receipt.Status);
        return TypedResults.Created($"/api/v1/dossiers/{receipt.DossierId}", receipt);
    }

    private static async Task<Results<Ok<ReceptionReceipt>, ProblemHttpResult>> ReceiveOnlineAsync(
        Guid id, ReceiveOnlineRequest request, HttpContext http, ReceiveDossierHandler handler, ILogger<ReceiveDossierHandler> logger)
    {
        if (RevisionGuard.Read(http, out var expected) is { } badIfMatch) return badIfMatch;
        var user = CurrentUser.Of(http);
        var result = await handler.HandleAsync(new ReceiveOnlineSubmission(user.Name, id, request.Decision, request.Reason, request.OtherMissingItems,
            request.ProcessingUnitId, request.FeeByDecision, request.WorkflowInputs, expected), http.RequestAborted);
        if (result.Error is { } error) return Problem.From(http, error);
        http.Response.Headers.ETag = RevisionGuard.Tag(result.Value!.Revision);
        logger.LogInformation("Dossier {DossierCode} ({DossierId}) received online by {UserId}", result.Value!.Code, id, user.AccountId);
        return TypedResults.Ok(result.Value!);
    }
}

/// <summary>The applicant's details by <see cref="ApplicantRules"/>: every failing field at once, in the caller's language.</summary>
public sealed class ApplicantValidator : AbstractValidator<ApplicantData>
{
    public ApplicantValidator() => RuleFor(x => x).Custom((applicant, context) =>
    {
        foreach (var error in ApplicantRules.Check(applicant))
            context.AddFailure(error.Field!, System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? error.MessageEn : error.MessageVi);
    });
}

public sealed class HandedDocumentValidator : AbstractValidator<HandedDocument>
{
    public HandedDocumentValidator()
    {
        RuleFor(x => x.Name).Optional(500, "tên giấy tờ", "The document name");
        RuleFor(x => x.Copies).InclusiveBetween(1, 100).Says("Số bản từ 1 đến 100.", "Copies must be 1 to 100.");
        RuleFor(x => x.Form).IsInEnum().Says("Hình thức giấy tờ không hợp lệ.", "The document form is not valid.");
    }
}

/// <summary>The rules every handed-in dossier meets, counter or online.</summary>
public sealed class HandedDossierValidator : AbstractValidator<IHandedDossier>
{
    public HandedDossierValidator()
    {
        RuleFor(x => x.ReceivingUnitId).NotEmpty().Says("Thiếu đơn vị tiếp nhận.", "The receiving unit is required.");
        RuleFor(x => x.ProcedureId).NotEmpty().Says("Thiếu thủ tục hành chính.", "The procedure is required.");
        RuleFor(x => x.Applicant).NotNull().Says("Thiếu thông tin người nộp.", "The applicant is required.").SetValidator(new ApplicantValidator());
        RuleFor(x => x.Documents).NotNull().Says("Thiếu danh sách giấy tờ.", "The documents are required.")
            .Must(d => d is null || d.Count <= 100).Says("Tối đa 100 giấy tờ.", "At most 100 documents.");
        RuleForEach(x => x.Documents).SetValidator(new HandedDocumentValidator());
    }
}

public sealed class ReceiveAtCounterValidator : AbstractValidator<ReceiveAtCounterRequest>
{
    public ReceiveAtCounterValidator()
    {
        Include(new HandedDossierValidator());
        RuleFor(x => x.Decision).IsInEnum().Says("Quyết định tiếp nhận không hợp lệ.", "The decision is not valid.");
        RuleFor(x => x.Reason).Optional(2000, "lý do", "The reason");
        RuleForEach(x => x.OtherMissingItems).MaximumLength(500).Says("Mỗi mục bổ sung dài tối đa 500 ký tự.", "Each missing item is at most 500 characters.");
        RuleFor(x => x.Copies).InclusiveBetween(1, 1000).Says("Số bản từ 1 đến 1000.", "Copies must be 1 to 1000.");
        RuleFor(x => x.Pages).InclusiveBetween(1, 10000).Says("Số trang từ 1 đến 10000.", "Pages must be 1 to 10000.");
        RuleFor(x => x.FeeByDecision).InclusiveBetween(0, 1_000_000_000).Says("Lệ phí không hợp lệ.", "The fee is not valid.");
        RuleFor(x => x.WorkflowInputs).Must(w => w is null || w.Count <= 50 && w.All(kv => kv.Key.Length <= 100 && kv.Value.Length <= 2000))
            .Says("Dữ liệu quy trình quá lớn.", "The workflow inputs are too large.");
    }
}

public sealed class ReceiveOnlineValidator : AbstractValidator<ReceiveOnlineRequest>
{
    public ReceiveOnlineValidator()
    {
        RuleFor(x => x.Decision).IsInEnum().Says("Quyết định tiếp nhận không hợp lệ.", "The decision is not valid.");
        RuleFor(x => x.Reason).Optional(2000, "lý do", "The reason");
        RuleForEach(x => x.OtherMissingItems).MaximumLength(500).Says("Mỗi mục bổ sung dài tối đa 500 ký tự.", "Each missing item is at most 500 characters.");
        RuleFor(x => x.FeeByDecision).InclusiveBetween(0, 1_000_000_000).Says("Lệ phí không hợp lệ.", "The fee is not valid.");
    }
}
