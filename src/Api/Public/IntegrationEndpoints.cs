using Api.Audit;
using Api.Accounts;
using Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Procedures.Dossiers;

namespace Api.Public;

/// <summary>System-to-system reads with client credentials (scope <c>dossiers.status</c>), limited to the client's unit subtree when it has one.</summary>
public static class IntegrationEndpoints
{
    public static void Map(WebApplication app)
    {
        var integration = app.MapGroup("/api/v1/integration").WithTags("Integration").RequireAuthorization(Policies.IntegrationStatus);
        integration.MapGet("/dossiers/changes", ChangesAsync).Audited("integration.dossier.changes", "dossier").WithName("DossierStatusChanges").WithSummary("Đồng bộ trạng thái hồ sơ")
            .WithDescription("Dossiers whose status changed at or after 'since' (first call) or after the cursor 'after' (the previous page's nextCursor), "
                + "oldest first, 'take' (default and at most 500) at most. Dates are Vietnam time with their offset (+07:00). Online submissions not yet "
                + "received come with status 1 and no code.")
            .ProducesProblem(422);
        integration.MapGet("/dossiers/by-code/{code}", ByCodeAsync).Audited("integration.dossier.read", "dossier").WithName("DossierStatusByCode").WithSummary("Trạng thái một hồ sơ theo mã").ProducesProblem(404);
    }

    private static async Task<Results<Ok<DossierStatusPage>, ProblemHttpResult>> ChangesAsync(HttpContext http, PortalFeed feed, DateTimeOffset? since = null,
        string? after = null, int take = PortalFeed.MaxPage) =>
        Problem.Answer(http, await feed.ChangesAsync(CurrentUser.Of(http).ClientUnitId, since, after, Math.Clamp(take, 1, PortalFeed.MaxPage), http.RequestAborted));

    private static async Task<Results<Ok<DossierStatusView>, ProblemHttpResult>> ByCodeAsync(string code, HttpContext http, PortalFeed feed) =>
        await feed.ByCodeAsync(CurrentUser.Of(http).ClientUnitId, code, http.RequestAborted) is { } view ? TypedResults.Ok(view) : Problem.NotFound(http);
}
