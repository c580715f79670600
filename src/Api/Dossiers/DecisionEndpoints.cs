using Api.Audit;
using Api.Problems;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Procedures.Dossiers;

namespace Api.Dossiers;

public sealed record CommentRequest(string? Comment = null);

/// <summary>A decision that needs a written reason: refusal, sending back, withdrawal.</summary>
public sealed record ReasonRequest(string Reason);

public static class DecisionEndpoints
{
    public static void Map(RouteGroupBuilder dossiers)
    {
        dossiers.MapPost("/{id:guid}/approval", ApproveAsync).Validates<CommentRequest>().Audited("dossier.approve")
            .WithName("ApproveDossier").WithSummary("Thẩm tra, xét duyệt: đồng ý trình ký").WithDescription("Section head at the review step.").DossierProblems();
        dossiers.MapPost("/{id:guid}/send-back", SendBackAsync).Validates<ReasonRequest>().Audited("dossier.send-back")
            .WithName("SendBackDossier").WithSummary("Trả lại để xử lý lại").WithDescription("Reviewer or signer, with the reason.").DossierProblems();
        dossiers.MapPost("/{id:guid}/signature", SignAsync).Validates<CommentRequest>().Audited("dossier.sign")
            .WithName("SignDossier").WithSummary("Ký duyệt kết quả").WithDescription("Unit leader, or a deputy signing on the leader's behalf (KT.).").DossierProblems();
        dossiers.MapPost("/{id:guid}/refusal", RefuseAsync).Validates<ReasonRequest>().Audited("dossier.refuse")
            .WithName("RefuseDossier").WithSummary("Từ chối hồ sơ (nêu rõ lý do)").WithDescription("Clerk at reception, specialist at processing, leader at signature (Form 03).").DossierProblems();
    }

    private static Task<Results<Ok<DossierStateResponse>, ProblemHttpResult>> ApproveAsync(Guid id, CommentRequest request,
        HttpContext http, ApproveDossierHandler handler, ILogger<ApproveDossierHandler> logger) =>
        DossierAction.RunAsync(http, logger, "approve", (actor, expected) => handler.HandleAsync(new ApproveDossier(id, actor, request.Comment) { ExpectedRevision = expected }, http.RequestAborted));

    private static Task<Results<Ok<DossierStateResponse>, ProblemHttpResult>> SendBackAsync(Guid id, ReasonRequest request,
        HttpContext http, SendBackDossierHandler handler, ILogger<SendBackDossierHandler> logger) =>
        DossierAction.RunAsync(http, logger, "send-back", (actor, expected) => handler.HandleAsync(new SendBackDossier(id, actor, request.Reason) { ExpectedRevision = expected }, http.RequestAborted));

    private static Task<Results<Ok<DossierStateResponse>, ProblemHttpResult>> SignAsync(Guid id, CommentRequest request,
        HttpContext http, SignDossierHandler handler, ILogger<SignDossierHandler> logger) =>
        DossierAction.RunAsync(http, logger, "sign", (actor, expected) => handler.HandleAsync(new SignDossier(id, actor, request.Comment) { ExpectedRevision = expected }, http.RequestAborted));

    private static Task<Results<Ok<DossierStateResponse>, ProblemHttpResult>> RefuseAsync(Guid id, ReasonRequest request,
        HttpContext http, RefuseDossierHandler handler, ILogger<RefuseDossierHandler> logger) =>
        DossierAction.RunAsync(http, logger, "refuse", (actor, expected) => handler.HandleAsync(new RefuseDossier(id, actor, request.Reason) { ExpectedRevision = expected }, http.RequestAborted));
}

public sealed class CommentValidator : AbstractValidator<CommentRequest>
{
    public CommentValidator() => RuleFor(x => x.Comment).Optional(2000, "ý kiến", "The comment");
}

public sealed class ReasonValidator : AbstractValidator<ReasonRequest>
{
    public ReasonValidator() => RuleFor(x => x.Reason).Required(2000, "lý do", "The reason");
}
