using Api.Accounts;
using Api.Attachments;
using Api.Audit;
using Api.Problems;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Procedures.Dossiers;

namespace Api.Dossiers;

/// <summary>Direction and assignment (chỉ đạo, phân công): the specialist's user name and the leader's instructions.</summary>
public sealed record AssignRequest(string Specialist, string? Instructions = null);

/// <summary>The specialist's appraisal: notes, draft result, attachments and the step's own form fields.</summary>
public sealed record AppraisalRequest(string Notes, string? DraftResult = null, IReadOnlyList<Guid>? AttachmentIds = null,
    IReadOnlyDictionary<string, string>? Fields = null);

/// <summary>
/// Consultation of other units (liên thông); <c>Units</c> names the consulted units' workflow variables when reception did not;
/// <c>LateDeadlineReason</c> is required when a consulted agency's deadline falls after the dossier's appointment.
/// </summary>
public sealed record ConsultationRequest(string Subject, IReadOnlyDictionary<string, Guid>? Units = null, string? Action = null,
    IReadOnlyDictionary<string, string>? Fields = null, string? LateDeadlineReason = null);

public sealed record ConsultationReplyRequest(string Reply, Guid? ConsultationId = null, IReadOnlyDictionary<string, string>? Fields = null);

public static class ProcessingEndpoints
{
    public static void Map(RouteGroupBuilder dossiers)
    {
        dossiers.MapPost("/{id:guid}/assignment", AssignAsync).Validates<AssignRequest>().Audited("dossier.assign")
            .WithName("AssignDossier").WithSummary("Chỉ đạo, phân công xử lý").WithDescription("Section head (or leader) of the processing unit.").DossierProblems();
        dossiers.MapPost("/{id:guid}/appraisal", AppraiseAsync).Validates<AppraisalRequest>().Audited("dossier.appraise")
            .WithName("SubmitAppraisal").WithSummary("Thẩm định, xử lý hồ sơ").WithDescription("The assigned specialist.").DossierProblems();
        dossiers.MapPost("/{id:guid}/consultations", ConsultAsync).Validates<ConsultationRequest>().Audited("dossier.consult")
            .WithName("RequestConsultation").WithSummary("Xin ý kiến cơ quan phối hợp (liên thông)").WithDescription("The assigned specialist.").DossierProblems();
        dossiers.MapPost("/{id:guid}/consultation-replies", ReplyAsync).Validates<ConsultationReplyRequest>().Audited("dossier.consultation-reply")
            .WithName("ReplyToConsultation").WithSummary("Trả lời xin ý kiến").WithDescription("An officer of the consulted unit.").DossierProblems();
    }

    private static Task<Results<Ok<DossierStateResponse>, ProblemHttpResult>> AssignAsync(Guid id, AssignRequest request,
        HttpContext http, AssignDossierHandler handler, ILogger<AssignDossierHandler> logger) =>
        DossierAction.RunAsync(http, logger, "assign",
            (actor, expected) => handler.HandleAsync(new AssignDossier(id, actor, request.Specialist, request.Instructions) { ExpectedRevision = expected }, http.RequestAborted));

    private static async Task<Results<Ok<DossierStateResponse>, ProblemHttpResult>> AppraiseAsync(Guid id, AppraisalRequest request,
        HttpContext http, SubmitAppraisalHandler handler, AttachmentBinder attachments, ILogger<SubmitAppraisalHandler> logger)
    {
        var user = CurrentUser.Of(http);
        var ids = request.AttachmentIds ?? [];
        if (await attachments.CheckBoundOrOwnAsync(http, user, ids, id) is { } bad) return bad;
        var result = await DossierAction.RunAsync(http, logger, "appraise",
            (actor, expected) => handler.HandleAsync(new SubmitAppraisal(id, actor, request.Notes, request.DraftResult, ids, request.Fields) { ExpectedRevision = expected }, http.RequestAborted));
        if (result.Result is Ok<DossierStateResponse>) await attachments.AttachToDossierAsync(id, ids, user, http.RequestAborted, onlyUnbound: true);
        return result;
    }

    private static Task<Results<Ok<DossierStateResponse>, ProblemHttpResult>> ConsultAsync(Guid id, ConsultationRequest request,
        HttpContext http, RequestConsultationHandler handler, ILogger<RequestConsultationHandler> logger) =>
        DossierAction.RunAsync(http, logger, "consult",
            (actor, expected) => handler.HandleAsync(new RequestConsultation(id, actor, request.Subject, request.Units, request.Action ?? "consult", request.Fields,
                request.LateDeadlineReason) { ExpectedRevision = expected }, http.RequestAborted));

    private static Task<Results<Ok<DossierStateResponse>, ProblemHttpResult>> ReplyAsync(Guid id, ConsultationReplyRequest request,
        HttpContext http, ReplyToConsultationHandler handler, ILogger<ReplyToConsultationHandler> logger) =>
        DossierAction.RunAsync(http, logger, "consultation-reply",
            (actor, expected) => handler.HandleAsync(new ReplyToConsultation(id, actor, request.Reply, request.ConsultationId, request.Fields) { ExpectedRevision = expected }, http.RequestAborted));
}

internal static class FieldRules
{
    public static bool Small(IReadOnlyDictionary<string, string>? fields) =>
        fields is null || fields.Count <= 50 && fields.All(kv => kv.Key.Length <= 100 && (kv.Value?.Length ?? 0) <= 4000);
}

public sealed class AssignValidator : AbstractValidator<AssignRequest>
{
    public AssignValidator()
    {
        RuleFor(x => x.Specialist).Required(100, "chuyên viên được phân công", "The specialist");
        RuleFor(x => x.Instructions).Optional(2000, "ý kiến chỉ đạo", "The instructions");
    }
}

public sealed class AppraisalValidator : AbstractValidator<AppraisalRequest>
{
    public AppraisalValidator()
    {
        RuleFor(x => x.Notes).Required(4000, "ý kiến thẩm định", "The appraisal notes");
        RuleFor(x => x.DraftResult).Optional(2000, "dự thảo kết quả", "The draft result");
        RuleFor(x => x.AttachmentIds).Must(a => a is null || a.Count <= 50).Says("Tối đa 50 tệp.", "At most 50 attachments.");
        RuleFor(x => x.Fields).Must(FieldRules.Small).Says("Dữ liệu biểu mẫu quá lớn.", "The form fields are too large.");
    }
}

public sealed class ConsultationValidator : AbstractValidator<ConsultationRequest>
{
    public ConsultationValidator()
    {
        RuleFor(x => x.Subject).Required(2000, "nội dung xin ý kiến", "The subject");
        RuleFor(x => x.Action).Optional(100, "thao tác", "The action");
        RuleFor(x => x.Fields).Must(FieldRules.Small).Says("Dữ liệu biểu mẫu quá lớn.", "The form fields are too large.");
        RuleFor(x => x.LateDeadlineReason).Optional(2000, "lý do thời hạn xin ý kiến sau ngày hẹn", "The reason for a deadline after the appointment");
    }
}

public sealed class ConsultationReplyValidator : AbstractValidator<ConsultationReplyRequest>
{
    public ConsultationReplyValidator()
    {
        RuleFor(x => x.Reply).Required(4000, "nội dung trả lời", "The reply");
        RuleFor(x => x.Fields).Must(FieldRules.Small).Says("Dữ liệu biểu mẫu quá lớn.", "The form fields are too large.");
    }
}
