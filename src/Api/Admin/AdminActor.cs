using Api.Accounts;
using Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Procedures.Common;
using Procedures.Organisation;

namespace Api.Admin;

/// <summary>Admin endpoints hand the signed-in official to the domain's admin use cases, which check the unit subtree themselves.</summary>
public static class AdminActor
{
    /// <summary>The signed-in official (<see cref="OfficialDirectory.ActingAsync"/>): Forbidden for anyone else.</summary>
    public static Task<DomainResult<Actor>> ActingAsync(HttpContext http) =>
        http.RequestServices.GetRequiredService<OfficialDirectory>().ActingAsync(CurrentUser.Of(http).Name, http.RequestAborted);

    /// <summary>Runs a use case as the signed-in official and maps its result; 403 for anyone who is not an active official.</summary>
    public static async Task<Results<Ok<T>, ProblemHttpResult>> RunAsync<T>(HttpContext http, Func<Actor, Task<DomainResult<T>>> useCase)
    {
        var acting = await ActingAsync(http);
        if (acting.Error is { } notOfficial) return Problem.From(http, notOfficial);
        return Problem.Answer(http, await useCase(acting.Value!));
    }

    public static RouteHandlerBuilder AdminProblems(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
}
