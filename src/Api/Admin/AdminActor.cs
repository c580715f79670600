using Api.Accounts;
using Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Procedures.Common;
using Procedures.Organisation;

namespace Api.Admin;

/// <summary>Admin endpoints hand the signed-in official to the domain's admin use cases, which check the unit subtree themselves.</summary>
public static class AdminActor
{
    public static Task<Actor?> FindAsync(HttpContext http) =>
        http.RequestServices.GetRequiredService<OfficialDirectory>().FindAsync(CurrentUser.Of(http).Name, http.RequestAborted);

    /// <summary>Runs a use case as the signed-in official and maps its result.</summary>
    public static async Task<Results<Ok<T>, ProblemHttpResult>> RunAsync<T>(HttpContext http, Func<Actor, Task<DomainResult<T>>> useCase)
    {
        var actor = await FindAsync(http);
        if (actor is null) return Problem.Make(http, 403, "forbidden", Titles.Detail(http, 403));
        var result = await useCase(actor);
        return Problem.Answer(http, result);
    }

    public static RouteHandlerBuilder AdminProblems(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
}
