using Api.Accounts;
using Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Procedures.Common;
using Procedures.Dossiers;

namespace Api.Dossiers;

/// <summary>Where a dossier stands after a use case, with the revision to send back as <c>If-Match</c>.</summary>
public sealed record DossierStateResponse(
    Guid Id, string? Code, DossierStatus Status, int StatusCode, string StatusName, DateTimeOffset? AppointmentAt,
    IReadOnlyList<string> OpenSteps, int Revision);

/// <summary>
/// The shared shape of every use case on an existing dossier: the use case as the signed-in official with the revision its
/// <c>If-Match</c> expects, then the new ETag or the problem (412 with the current ETag when the expected revision is stale).
/// </summary>
public static class DossierAction
{
    public static async Task<Results<Ok<DossierStateResponse>, ProblemHttpResult>> RunAsync(HttpContext http, ILogger logger, string action, Func<string, int?, Task<DomainResult<DossierState>>> useCase)
    {
        if (RevisionGuard.Read(http, out var expected) is { } badIfMatch) return badIfMatch;
        var result = await useCase(CurrentUser.Of(http).Name, expected);
        if (result.Error is { } error) return Problem.From(http, error);
        var state = result.Value!;
        var revision = state.Revision;
        http.Response.Headers.ETag = RevisionGuard.Tag(revision);
        Hosting.Telemetry.DossierActions.Add(1, new KeyValuePair<string, object?>("action", action));
        logger.LogInformation("Dossier {DossierCode} ({DossierId}): {Action} by {UserId}, now {Status}",
            state.Code, state.DossierId, action, CurrentUser.Of(http).AccountId, state.Status);
        return TypedResults.Ok(Response(http, state, revision));
    }

    public static DossierStateResponse Response(HttpContext http, DossierState s, int revision) =>
        new(s.DossierId, s.Code, s.Status, (int)s.Status, Language.Pick(http, s.Status.Vietnamese(), s.Status.English()), s.AppointmentAt, s.OpenSteps, revision);

    /// <summary>The problems every dossier use case may answer, for the OpenAPI document.</summary>
    public static RouteHandlerBuilder DossierProblems(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
        .ProducesProblem(412).ProducesProblem(422);
}
