using Api.Admin;
using Api.Accounts;
using Api.Audit;
using Api.Hosting;
using Api.Problems;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Procedures.Citizens;
using Procedures.Organisation;

namespace Api.Citizens;

public sealed record RatingRequest(IReadOnlyList<int> Scores, string? Comment = null);

public sealed record QuestionRequest(string Title, string Body, Guid? ProcedureId = null, Guid? UnitId = null);

public sealed record FeedbackRequest(string Subject, string Body, Guid? UnitId = null, Guid? ProcedureId = null, Guid? DossierId = null);

public sealed record AnswerRequest(string Answer, bool Publish = true);

public sealed record FeedbackResponseRequest(string Response);

public sealed record RatingIndicator(int Number, string Name);

/// <summary>Ratings (9 indicators), questions and answers, feedback: citizens write, officials answer, everyone reads the published answers.</summary>
public static class CitizenVoiceEndpoints
{
    public static void MapForCitizens(RouteGroupBuilder citizen)
    {
        citizen.MapPost("/dossiers/{id:guid}/rating", RateAsync).Validates<RatingRequest>().Audited("citizen.rate")
            .WithName("RateDossier").WithSummary("Đánh giá việc giải quyết hồ sơ")
            .WithDescription("9 indicators, 0–2 points each (GET /api/v1/public/rating-indicators); once per dossier with an outcome. Grade: ≥15 excellent, 12–<15 good, 9–<12 fair, 6–<9 average, <6 weak.")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        citizen.MapGet("/dossiers/{id:guid}/rating", GetRatingAsync).WithName("MyRating").WithSummary("Đánh giá của tôi").ProducesProblem(404);
        citizen.MapPost("/questions", AskAsync).Validates<QuestionRequest>().Audited("citizen.ask", "question").WithName("AskQuestion").WithSummary("Gửi câu hỏi")
            .AcceptsIdempotencyKey();
        citizen.MapGet("/questions", (HttpContext http, QuestionHandler h, int page = 1) =>
            h.MineAsync(CurrentUser.Of(http).CitizenId, Math.Max(1, page), 20, http.RequestAborted)).WithName("MyQuestions").WithSummary("Câu hỏi của tôi");
        citizen.MapPost("/feedback", GiveFeedbackAsync).Validates<FeedbackRequest>().Audited("citizen.feedback", "feedback").WithName("GiveFeedback").WithSummary("Gửi góp ý")
            .AcceptsIdempotencyKey();
        citizen.MapGet("/feedback", (HttpContext http, FeedbackHandler h) => h.MineAsync(CurrentUser.Of(http).CitizenId, http.RequestAborted))
            .WithName("MyFeedback").WithSummary("Góp ý của tôi");
    }

    public static void MapForOfficials(WebApplication app)
    {
        var officials = app.MapGroup("/api/v1").WithTags("Citizen relations").RequireAuthorization(Policies.Official);
        officials.MapGet("/questions", ListQuestionsAsync).Audited("question.read", "unit").WithName("QuestionsToAnswer").WithSummary("Câu hỏi của công dân (đơn vị của tôi)");
        officials.MapPost("/questions/{id:guid}/answer", AnswerAsync).Validates<AnswerRequest>().Audited("question.answer", "question")
            .WithName("AnswerQuestion").WithSummary("Trả lời câu hỏi").ProducesProblem(404);
        officials.MapGet("/feedback", ListFeedbackAsync).Audited("feedback.read", "unit").WithName("FeedbackToHandle").WithSummary("Góp ý của công dân (đơn vị của tôi)");
        officials.MapPost("/feedback/{id:guid}/response", RespondAsync).Validates<FeedbackResponseRequest>().Audited("feedback.respond", "feedback")
            .WithName("RespondToFeedback").WithSummary("Trả lời góp ý").ProducesProblem(404);
        officials.MapGet("/ratings/summary", SummaryAsync).WithName("RatingSummary").WithSummary("Tổng hợp đánh giá của công dân theo đơn vị")
            .ProducesProblem(404);

        var open = app.MapGroup("/api/v1/public").WithTags("Public").AllowAnonymous().RequireRateLimiting(RateLimits.Public);
        open.MapGet("/questions", (QuestionHandler h, CancellationToken ct, Guid? procedureId = null, int page = 1) =>
            h.PublishedAsync(procedureId, Math.Max(1, page), 20, ct)).WithName("PublishedQuestions").WithSummary("Hỏi đáp đã công khai");
        open.MapGet("/rating-indicators", () => RatingIndicators.Vietnamese.Select((n, i) => new RatingIndicator(i + 1, n)).ToList())
            .WithName("RatingIndicators").WithSummary("Các tiêu chí đánh giá (0–2 điểm mỗi tiêu chí)");
    }

    private static async Task<Results<Ok<RatingView>, ProblemHttpResult>> RateAsync(Guid id, RatingRequest request, HttpContext http, RateDossierHandler handler)
    {
        var result = await handler.HandleAsync(new RateDossier(id, CurrentUser.Of(http).CitizenId, request.Scores, request.Comment), http.RequestAborted);
        return Problem.Answer(http, result);
    }

    private static async Task<Results<Ok<RatingView>, ProblemHttpResult>> GetRatingAsync(Guid id, HttpContext http, RateDossierHandler handler) =>
        await handler.FindAsync(id, CurrentUser.Of(http).CitizenId, http.RequestAborted) is { } rating ? TypedResults.Ok(rating)
            : Problem.NotFound(http, "rating", "đánh giá");

    private static async Task<Results<Created<QuestionView>, ProblemHttpResult>> AskAsync(QuestionRequest request, HttpContext http, QuestionHandler handler)
    {
        if (IdempotencyKeyHeader.Read(http, out var key) is { } badKey) return badKey;
        var result = await handler.AskAsync(new AskQuestion(CurrentUser.Of(http).CitizenId, request.Title, request.Body, request.ProcedureId, request.UnitId, key),
            http.RequestAborted);
        if (result.Error is { } error) return Problem.From(http, error);
        http.AuditResource(result.Value!.Id);
        return TypedResults.Created($"/api/v1/citizen/questions/{result.Value!.Id}", result.Value!);
    }

    private static async Task<Results<Created<FeedbackView>, ProblemHttpResult>> GiveFeedbackAsync(FeedbackRequest request, HttpContext http, FeedbackHandler handler)
    {
        if (IdempotencyKeyHeader.Read(http, out var key) is { } badKey) return badKey;
        var result = await handler.GiveAsync(new GiveFeedback(CurrentUser.Of(http).CitizenId, request.Subject, request.Body, request.UnitId, request.ProcedureId,
            request.DossierId, key), http.RequestAborted);
        if (result.Error is { } error) return Problem.From(http, error);
        http.AuditResource(result.Value!.Id);
        return TypedResults.Created($"/api/v1/citizen/feedback/{result.Value!.Id}", result.Value!);
    }

    private static async Task<Results<Ok<QuestionPage>, ProblemHttpResult>> ListQuestionsAsync(HttpContext http, QuestionHandler handler,
        bool unansweredOnly = true, int page = 1)
    {
        var acting = await AdminActor.ActingAsync(http);
        return acting.Error is { } notOfficial ? Problem.From(http, notOfficial) : TypedResults.Ok(await handler.ForOfficialAsync(acting.Value!, unansweredOnly, Math.Max(1, page), 20, http.RequestAborted));
    }

    private static async Task<Results<Ok<QuestionView>, ProblemHttpResult>> AnswerAsync(Guid id, AnswerRequest request, HttpContext http, QuestionHandler handler)
    {
        return await AdminActor.RunAsync(http, actor => handler.AnswerAsync(actor, new AnswerQuestion(id, request.Answer, request.Publish), http.RequestAborted));
    }

    private static async Task<Results<Ok<IReadOnlyList<FeedbackView>>, ProblemHttpResult>> ListFeedbackAsync(HttpContext http, FeedbackHandler handler)
    {
        var acting = await AdminActor.ActingAsync(http);
        return acting.Error is { } notOfficial ? Problem.From(http, notOfficial) : TypedResults.Ok(await handler.ForOfficialAsync(acting.Value!, http.RequestAborted));
    }

    private static async Task<Results<Ok<FeedbackView>, ProblemHttpResult>> RespondAsync(Guid id, FeedbackResponseRequest request, HttpContext http, FeedbackHandler handler)
    {
        return await AdminActor.RunAsync(http, actor => handler.HandleAsync(actor, new HandleFeedback(id, request.Response), http.RequestAborted));
    }

    private static async Task<Results<Ok<RatingSummary>, ProblemHttpResult>> SummaryAsync(HttpContext http, RatingSummaryQuery query,
        Guid unitId, DateOnly? from = null, DateOnly? to = null)
    {
        return await AdminActor.RunAsync(http, actor => query.HandleAsync(actor, unitId, from, to, http.RequestAborted));
    }
}

public sealed class RatingValidator : AbstractValidator<RatingRequest>
{
    public RatingValidator()
    {
        RuleFor(x => x.Scores).NotNull().Must(s => s is { Count: RatingIndicators.Count } && s.All(v => v is >= 0 and <= RatingIndicators.MaxPoints))
            .Says("Cần chấm đủ 9 tiêu chí, mỗi tiêu chí từ 0 đến 2 điểm.", "Score all 9 indicators, 0 to 2 points each.");
        RuleFor(x => x.Comment).Optional(2000, "nhận xét", "The comment");
    }
}

public sealed class QuestionValidator : AbstractValidator<QuestionRequest>
{
    public QuestionValidator()
    {
        RuleFor(x => x.Title).Required(300, "tiêu đề", "The title");
        RuleFor(x => x.Body).Required(4000, "nội dung câu hỏi", "The question");
    }
}

public sealed class FeedbackValidator : AbstractValidator<FeedbackRequest>
{
    /// <summary>The longest subject and feedback accepted; the page states them and stops typing there.</summary>
    public const int SubjectMax = 300, BodyMax = 4000;

    public FeedbackValidator()
    {
        RuleFor(x => x.Subject).Required(SubjectMax, "tiêu đề", "The subject");
        RuleFor(x => x.Body).Required(BodyMax, "nội dung góp ý", "The feedback");
    }
}

public sealed class AnswerValidator : AbstractValidator<AnswerRequest>
{
    public AnswerValidator() => RuleFor(x => x.Answer).Required(8000, "nội dung trả lời", "The answer");
}

public sealed class FeedbackResponseValidator : AbstractValidator<FeedbackResponseRequest>
{
    /// <summary>The longest response accepted; the officials' feedback page stops typing there.</summary>
    public const int ResponseMax = 4000;

    public FeedbackResponseValidator() => RuleFor(x => x.Response).Required(ResponseMax, "nội dung trả lời", "The response");
}
