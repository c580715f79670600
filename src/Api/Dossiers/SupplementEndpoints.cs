using Api.Accounts;
using Api.Attachments;
using Api.Audit;
using Api.Problems;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Procedures.Dossiers;

namespace Api.Dossiers;

/// <summary>Every missing item at once, with the reason (Form 02).</summary>
public sealed record SupplementRequestRequest(IReadOnlyList<string> MissingItems, string Reason);

/// <summary>The documents the citizen handed in as the supplement.</summary>
public sealed record ReceiveSupplementRequest(IReadOnlyList<HandedDocument> Documents, string? Note = null);

public static class SupplementEndpoints
{
    public static void Map(RouteGroupBuilder dossiers)
    {
        dossiers.MapPost("/{id:guid}/supplement-requests", RequestAsync).Validates<SupplementRequestRequest>().Audited("dossier.request-supplement")
            .WithName("RequestSupplement").WithSummary("Yêu cầu bổ sung hồ sơ")
            .WithDescription("Clerk at reception or the assigned specialist during processing (within the supplement window).").DossierProblems();
        dossiers.MapPost("/{id:guid}/supplements", ReceiveAsync).Validates<ReceiveSupplementRequest>().Audited("dossier.receive-supplement")
            .WithName("ReceiveSupplement").WithSummary("Tiếp nhận hồ sơ bổ sung")
            .WithDescription("Clerk of the receiving unit; the clock restarts from the complete dossier.").DossierProblems();
    }

    private static Task<Results<Ok<DossierStateResponse>, ProblemHttpResult>> RequestAsync(Guid id, SupplementRequestRequest request,
        HttpContext http, RequestSupplementHandler handler, ILogger<RequestSupplementHandler> logger) =>
        DossierAction.RunAsync(http, logger, "request-supplement",
            (actor, expected) => handler.HandleAsync(new RequestSupplement(id, actor, request.MissingItems, request.Reason) { ExpectedRevision = expected }, http.RequestAborted));

    private static async Task<Results<Ok<DossierStateResponse>, ProblemHttpResult>> ReceiveAsync(Guid id, ReceiveSupplementRequest request,
        HttpContext http, ReceiveSupplementHandler handler, AttachmentBinder attachments, ILogger<ReceiveSupplementHandler> logger)
    {
        var user = CurrentUser.Of(http);
        var ids = request.Documents.Select(d => d.AttachmentId).OfType<Guid>().ToList();
        // The clerk's own scans, or the files the citizen uploaded with the supplement (already bound to this dossier).
        if (await attachments.CheckBoundOrOwnAsync(http, user, ids, id) is { } bad) return bad;
        var result = await DossierAction.RunAsync(http, logger, "receive-supplement",
            (actor, expected) => handler.HandleAsync(new ReceiveSupplement(id, actor, request.Documents, request.Note) { ExpectedRevision = expected }, http.RequestAborted));
        if (result.Result is Ok<DossierStateResponse>) await attachments.AttachToDossierAsync(id, ids, user, http.RequestAborted, onlyUnbound: true);
        return result;
    }
}

public sealed class SupplementRequestValidator : AbstractValidator<SupplementRequestRequest>
{
    public SupplementRequestValidator()
    {
        RuleFor(x => x.MissingItems).NotEmpty().Says("Cần liệt kê các thành phần phải bổ sung.", "List the items to supplement.")
            .Must(i => i is null || i.Count <= 50).Says("Tối đa 50 mục.", "At most 50 items.");
        RuleForEach(x => x.MissingItems).MaximumLength(500).Says("Mỗi mục dài tối đa 500 ký tự.", "Each item is at most 500 characters.");
        RuleFor(x => x.Reason).Required(2000, "lý do yêu cầu bổ sung", "The reason");
    }
}

public sealed class ReceiveSupplementValidator : AbstractValidator<ReceiveSupplementRequest>
{
    public ReceiveSupplementValidator()
    {
        RuleFor(x => x.Documents).NotNull().Says("Thiếu danh sách giấy tờ.", "The documents are required.")
            .Must(d => d is null || d.Count <= 100).Says("Tối đa 100 giấy tờ.", "At most 100 documents.");
        RuleForEach(x => x.Documents).SetValidator(new HandedDocumentValidator());
        RuleFor(x => x.Note).Optional(2000, "ghi chú", "The note");
    }
}
