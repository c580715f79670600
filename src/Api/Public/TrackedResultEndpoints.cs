using Api.Audit;
using Api.Hosting;
using Api.Problems;
using Api.Ui;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Procedures.Dossiers;
using Procedures.Signatures;

namespace Api.Public;

/// <summary>
/// The signed electronic result for whoever holds the receipt: the tracking code plus the second factor (last 4 digits of
/// the applicant's phone or identity number), checked as tracking checks them. A wrong pair and a dossier without a signed
/// result answer the same 404, so nothing is learnt without both; attempts share the tracking rate limit.
/// </summary>
public static class TrackedResultEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/api/v1/public/tracking/signed-result", (TrackingRequest request, HttpContext http, DossierQueries queries, NpgsqlDataSource db) =>
                DownloadAsync(request.Code, request.SecondFactor, http, queries, db))
            .AllowAnonymous().RequireRateLimiting(RateLimits.Tracking).Validates<TrackingRequest>().Audited("public.signed-result.read", "dossier")
            .WithTags("Public").WithName("DownloadTrackedSignedResult").WithSummary("Tải kết quả điện tử theo mã hồ sơ")
            .WithDescription("Anyone holding the receipt: the code and the last 4 digits of the applicant's phone or identity number. The signed PDF; 404 alike for a wrong pair and for a dossier without a signed result.")
            .Produces(200, contentType: "application/pdf").ProducesProblem(400).ProducesProblem(404).ProducesProblem(429);
    }

    public static void MapPage(WebApplication app) =>
        // The tracking page's download button: a plain form post, so the browser saves the file and the factor stays out of the URL.
        app.MapPost("/ui/tra-cuu/ket-qua", FormAsync).AllowAnonymous().RequireRateLimiting(RateLimits.Tracking).RequireFormToken()
            .Audited("public.signed-result.read", "dossier").ExcludeFromDescription();

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FormAsync(HttpContext http, DossierQueries queries, NpgsqlDataSource db)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        return await DownloadAsync(form["code"].ToString(), form["factor"].ToString(), http, queries, db);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(string code, string factor, HttpContext http,
        DossierQueries queries, NpgsqlDataSource db)
    {
        if (await queries.TrackedIdAsync(code, factor, http.RequestAborted) is not { } dossierId
            || await SignedResults.FindAsync(db, dossierId, null, http.RequestAborted) is not { } result)
            return Problem.NotFound(http, "signed result", "kết quả đã ký");
        http.Items["audit:resource"] = dossierId.ToString();
        http.Response.Headers["X-Content-SHA256"] = result.Sha256;
        return TypedResults.File(result.Content, "application/pdf", result.FileName);
    }
}
