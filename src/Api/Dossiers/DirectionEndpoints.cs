using Api.Accounts;
using Api.Audit;
using Api.Problems;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Procedures.Dossiers;

namespace Api.Dossiers;

/// <summary>A leader's direction (chỉ đạo thực hiện): to one section of the processing unit or one specialist, with instructions and a due time.</summary>
public sealed record DirectionRequest(string Instructions, Guid? SectionId = null, string? Specialist = null, DateTimeOffset? DueAt = null);

public static class DirectionEndpoints
{
    public static void Map(WebApplication app, RouteGroupBuilder dossiers)
    {
        dossiers.MapPost("/{id:guid}/directions", DirectAsync).Validates<DirectionRequest>().Audited("dossier.direct")
            .WithName("DirectDossier").WithSummary("Chỉ đạo thực hiện hồ sơ")
            .WithDescription("A leader or deputy of the processing unit directs the dossier to one of its sections or to a specialist; directing again re-directs. 403 for anyone else.")
            .DossierProblems();
        app.MapGet("/api/v1/directions/mine", (HttpContext http, DirectionQueries q, bool includeRedirected = false) => MineAsync(http, q, includeRedirected))
            .RequireAuthorization(Policies.Official).Audited("directions.mine", "direction").WithTags("Dossiers")
            .WithName("MyDirections").WithSummary("Hồ sơ tôi chỉ đạo").WithDescription("The directions the caller gave, with each dossier's state; re-directed ones on request.");
    }

    private static Task<Results<Ok<DossierStateResponse>, ProblemHttpResult>> DirectAsync(Guid id, DirectionRequest request,
        HttpContext http, DirectDossierHandler handler, ILogger<DirectDossierHandler> logger) =>
        DossierAction.RunAsync(http, logger, "direct",
            (actor, expected) => handler.HandleAsync(new DirectDossier(id, actor, request.SectionId, request.Specialist, request.Instructions, request.DueAt) { ExpectedRevision = expected }, http.RequestAborted));

    private static async Task<Ok<IReadOnlyList<DirectionView>>> MineAsync(HttpContext http, DirectionQueries queries, bool includeRedirected) =>
        TypedResults.Ok(await queries.MineAsync(CurrentUser.Of(http).Name, includeRedirected, http.RequestAborted));
}

public sealed class DirectionValidator : AbstractValidator<DirectionRequest>
{
    public DirectionValidator(TimeProvider clock)
    {
        RuleFor(x => x.Instructions).Required(DirectDossierHandler.InstructionsLength, "ý kiến chỉ đạo", "The instructions");
        RuleFor(x => x.Specialist).Optional(100, "chuyên viên được chỉ đạo", "The specialist");
        RuleFor(x => x).Must(x => x.SectionId is null != string.IsNullOrWhiteSpace(x.Specialist)).OverridePropertyName("sectionId")
            .WithErrorCode("target-required").Says("Chọn một phòng, ban hoặc một chuyên viên được chỉ đạo (chỉ một).",
                "Choose one section or one specialist to direct (only one).");
        RuleFor(x => x.DueAt).Must(due => due is null || due > clock.GetUtcNow()).WithErrorCode("in-the-past")
            .Says("Thời hạn chỉ đạo phải sau thời điểm hiện tại.", "The due time must be in the future.");
    }
}
