using Api.Audit;
using Api.Problems;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Procedures.Dossiers;

namespace Api.Dossiers;

/// <summary>A library step's action: an optional comment (required where the definition says so) and the action's form fields.</summary>
public sealed record StepActionRequest(string? Comment = null, IReadOnlyDictionary<string, string>? Fields = null);

/// <summary>
/// Any step of a procedure that has no endpoint of its own (the joint procedure's birth-certificate signature, land's cadastre
/// update, the judicial record's compilation, marriage verification): the step's role in its unit is required; actions with
/// rules of their own answer 400 <c>use-case-required</c> naming their endpoint's use case.
/// </summary>
public static class StepActionEndpoints
{
    public static void Map(RouteGroupBuilder dossiers) =>
        dossiers.MapPost("/{id:guid}/steps/{step}/actions/{action}", CompleteAsync).Validates<StepActionRequest>().Audited("dossier.step-action")
            .WithName("CompleteStep").WithSummary("Thực hiện thao tác tại một bước của quy trình")
            .WithDescription("Whoever holds the step's role in the step's unit (the assignee when there is one).").DossierProblems();

    private static Task<Results<Ok<DossierStateResponse>, ProblemHttpResult>> CompleteAsync(Guid id, string step, string action, StepActionRequest request,
        HttpContext http, CompleteStepHandler handler, ILogger<CompleteStepHandler> logger) =>
        DossierAction.RunAsync(http, logger, $"{step}/{action}",
            (actor, expected) => handler.HandleAsync(new CompleteStep(id, actor, step, action, request.Comment, request.Fields) { ExpectedRevision = expected }, http.RequestAborted));
}

public sealed class StepActionValidator : AbstractValidator<StepActionRequest>
{
    public StepActionValidator() => RuleFor(x => x.Comment).Optional(2000, "ý kiến", "The comment");
}
