using Api.Audit;
using Api.Problems;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Procedures.Catalogue;
using Procedures.Dossiers;

namespace Api.Dossiers;

/// <summary>How the result was handed over; the dossier is archived in the same transaction.</summary>
public sealed record ReturnRequest(Channel Channel = Channel.Counter, string? Note = null, IReadOnlyDictionary<string, string>? Fields = null);

/// <summary>Form 04: the reason, the new appointment date and the unit that caused the delay.</summary>
public sealed record ApologyRequest(string Reason, DateOnly NewAppointmentDate, Guid DelayUnitId);

public static class ClosingEndpoints
{
    public static void Map(RouteGroupBuilder dossiers)
    {
        dossiers.MapPost("/{id:guid}/return", ReturnAsync).Validates<ReturnRequest>().Audited("dossier.return")
            .WithName("ReturnResult").WithSummary("Trả kết quả và lưu trữ")
            .WithDescription("Clerk of the receiving unit hands the result over (counter, post, online); the dossier is archived with its retention date.").DossierProblems();
        dossiers.MapPost("/{id:guid}/withdrawal", WithdrawAsync).Validates<ReasonRequest>().Audited("dossier.withdraw")
            .WithName("WithdrawDossier").WithSummary("Ghi nhận công dân rút hồ sơ").WithDescription("Holder of the current step, or a clerk of the receiving unit; not after signature.").DossierProblems();
        dossiers.MapPost("/{id:guid}/apology", ApologiseAsync).Validates<ApologyRequest>().Audited("dossier.apology")
            .WithName("IssueApology").WithSummary("Xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)")
            .WithDescription("Leader, deputy or section head of the processing unit; once per dossier.").DossierProblems();
    }

    private static Task<Results<Ok<DossierStateResponse>, ProblemHttpResult>> ReturnAsync(Guid id, ReturnRequest request,
        HttpContext http, ReturnResultHandler handler, ILogger<ReturnResultHandler> logger) =>
        DossierAction.RunAsync(http, logger, "return",
            (actor, expected) => handler.HandleAsync(new ReturnResult(id, actor, request.Channel, request.Note, request.Fields) { ExpectedRevision = expected }, http.RequestAborted));

    private static Task<Results<Ok<DossierStateResponse>, ProblemHttpResult>> WithdrawAsync(Guid id, ReasonRequest request,
        HttpContext http, WithdrawDossierHandler handler, ILogger<WithdrawDossierHandler> logger) =>
        DossierAction.RunAsync(http, logger, "withdraw", (actor, expected) => handler.HandleAsync(new WithdrawDossier(id, actor, request.Reason) { ExpectedRevision = expected }, http.RequestAborted));

    private static Task<Results<Ok<DossierStateResponse>, ProblemHttpResult>> ApologiseAsync(Guid id, ApologyRequest request,
        HttpContext http, IssueApologyHandler handler, ILogger<IssueApologyHandler> logger) =>
        DossierAction.RunAsync(http, logger, "apology",
            (actor, expected) => handler.HandleAsync(new IssueApology(id, actor, request.Reason, request.NewAppointmentDate, request.DelayUnitId) { ExpectedRevision = expected }, http.RequestAborted));
}

public sealed class ReturnValidator : AbstractValidator<ReturnRequest>
{
    public ReturnValidator()
    {
        RuleFor(x => x.Channel).IsInEnum().Says("Kênh trả kết quả không hợp lệ.", "The channel is not valid.");
        RuleFor(x => x.Note).Optional(2000, "ghi chú", "The note");
        RuleFor(x => x.Fields).Must(FieldRules.Small).Says("Dữ liệu biểu mẫu quá lớn.", "The form fields are too large.");
    }
}

public sealed class ApologyValidator : AbstractValidator<ApologyRequest>
{
    public ApologyValidator()
    {
        RuleFor(x => x.Reason).Required(2000, "lý do chậm trễ", "The reason for the delay");
        RuleFor(x => x.NewAppointmentDate).NotEmpty().Says("Thiếu ngày hẹn mới.", "The new appointment date is required.");
        RuleFor(x => x.DelayUnitId).NotEmpty().Says("Thiếu đơn vị gây chậm trễ.", "The unit that caused the delay is required.");
    }
}
