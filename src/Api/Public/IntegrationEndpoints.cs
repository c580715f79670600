using Api.Audit;
using Api.Accounts;
using Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procedures.Dossiers;
using Procedures.Persistence;

namespace Api.Public;

/// <summary>A dossier's status as another system (the national portal) synchronises it: portal status code and dates, no personal data.</summary>
public sealed record DossierStatusView(string Code, int StatusCode, DossierStatus Status, Guid ProcedureId, Guid ReceivingUnitId, Guid ProcessingUnitId,
    DateTimeOffset? ReceivedAt, DateTimeOffset? AppointmentAt, DateTimeOffset? FinishedAt, DateTimeOffset? ReturnedAt, DateTimeOffset UpdatedAt);

public sealed record DossierStatusPage(IReadOnlyList<DossierStatusView> Items, DateTimeOffset? NextSince);

/// <summary>System-to-system reads with client credentials (scope <c>dossiers.status</c>), limited to the client's unit subtree when it has one.</summary>
public static class IntegrationEndpoints
{
    public static void Map(WebApplication app)
    {
        var integration = app.MapGroup("/api/v1/integration").WithTags("Integration").RequireAuthorization(Policies.IntegrationStatus);
        integration.MapGet("/dossiers/changes", ChangesAsync).Audited("integration.dossier.changes", "dossier").WithName("DossierStatusChanges").WithSummary("Đồng bộ trạng thái hồ sơ")
            .WithDescription("Dossiers whose status changed at or after 'since', oldest first, 500 at most; pass nextSince back to continue.");
        integration.MapGet("/dossiers/by-code/{code}", ByCodeAsync).Audited("integration.dossier.read", "dossier").WithName("DossierStatusByCode").WithSummary("Trạng thái một hồ sơ theo mã").ProducesProblem(404);
    }

    private static async Task<Ok<DossierStatusPage>> ChangesAsync(HttpContext http, ProceduresDb db, DateTimeOffset since, int take = 500)
    {
        take = Math.Clamp(take, 1, 500);
        var rows = await Scope(http, db).Where(d => d.UpdatedAt >= since && d.Code != null).OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id).Take(take)
            .ToListAsync(http.RequestAborted);
        var views = rows.Select(View).ToList();
        return TypedResults.Ok(new DossierStatusPage(views, views.Count == take ? views[^1].UpdatedAt : null));
    }

    private static async Task<Results<Ok<DossierStatusView>, ProblemHttpResult>> ByCodeAsync(string code, HttpContext http, ProceduresDb db) =>
        await Scope(http, db).SingleOrDefaultAsync(d => d.Code == code, http.RequestAborted) is { } dossier
            ? TypedResults.Ok(View(dossier)) : Problem.NotFound(http);

    private static IQueryable<Dossier> Scope(HttpContext http, ProceduresDb db)
    {
        var q = db.Dossiers.AsNoTracking();
        if (CurrentUser.Of(http).ClientUnitId is not { } unit) return q;
        var prefix = db.Units.Where(u => u.Id == unit).Select(u => u.Path);
        return q.Where(d => db.Units.Any(u => (u.Id == d.ReceivingUnitId || u.Id == d.ProcessingUnitId) && prefix.Any(p => u.Path.StartsWith(p))));
    }

    /// <summary>In memory: the portal code is the enum's value while the column holds its name.</summary>
    private static DossierStatusView View(Dossier d) => new(d.Code!, (int)d.Status, d.Status,
        d.ProcedureId, d.ReceivingUnitId, d.ProcessingUnitId, d.ReceivedAt, d.AppointmentAt, d.FinishedAt, d.ReturnedAt, d.UpdatedAt);
}
