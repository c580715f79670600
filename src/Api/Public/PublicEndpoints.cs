using Api.Hosting;
using Api.Problems;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Procedures.Catalogue;
using Procedures.Dossiers;

namespace Api.Public;

/// <summary>Tracking by the code on the receipt plus the last 4 digits of the applicant's phone or identity number.</summary>
public sealed record TrackingRequest(string Code, string SecondFactor);

/// <summary>Endpoints without an account: the catalogue and dossier tracking (status, step, appointment; no personal data).</summary>
public static class PublicEndpoints
{
    public static void Map(WebApplication app)
    {
        var catalogue = app.MapGroup("/api/v1/catalogue").WithTags("Catalogue").AllowAnonymous().RequireRateLimiting(RateLimits.Public);
        catalogue.MapGet("/procedures", SearchAsync).WithName("SearchCatalogue").WithSummary("Tra cứu thủ tục hành chính")
            .WithDescription("Active procedures whose code or name contains every word, with or without diacritics; filter by sector, level and channel; paged.")
            .ProducesProblem(400);
        catalogue.MapGet("/procedures/{id:guid}", DetailAsync).WithName("GetProcedure").WithSummary("Chi tiết thủ tục hành chính")
            .WithDescription("Documents, fees, time limit, channels and the units competent today.").ProducesProblem(404);
        catalogue.MapGet("/procedures/by-code/{code}", ByCodeAsync).WithName("GetProcedureByCode").WithSummary("Chi tiết thủ tục theo mã").ProducesProblem(404);
        Admin.TemplateFileEndpoints.MapDownload(catalogue);
        catalogue.MapGet("/sectors", (SectorsQuery q, CancellationToken ct) => q.ListAsync(ct)).WithName("ListSectors").WithSummary("Danh sách lĩnh vực");

        app.MapPost("/api/v1/public/tracking", TrackAsync).AllowAnonymous().RequireRateLimiting(RateLimits.Tracking)
            .Validates<TrackingRequest>().WithTags("Public").WithName("TrackDossier").WithSummary("Tra cứu tình trạng hồ sơ")
            .WithDescription("Code on the receipt and the last 4 digits of the applicant's phone or identity number. An unknown code and a wrong second factor answer the same 404; attempts are rate limited per address.")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(429);
    }

    private static async Task<Results<Ok<CataloguePage>, ProblemHttpResult>> SearchAsync(HttpContext http, SearchCatalogueQuery query,
        string? text = null, Guid? sectorId = null, string? level = null, Channel? channel = null, int page = 1, int pageSize = 20)
    {
        if (text?.Length > 200) return Problem.Invalid(http, "text", "too-long", "Từ khóa dài tối đa 200 ký tự.", "The search text is at most 200 characters.");
        var result = await query.HandleAsync(new SearchCatalogue(text, sectorId, level, channel, page, pageSize), http.RequestAborted);
        return result.Error is { } error ? BadRequest(http, error) : TypedResults.Ok(result.Value!);
    }

    private static ProblemHttpResult BadRequest(HttpContext http, Procedures.Common.DomainError error) =>
        Problem.Make(http, 400, error.Code, Language.Pick(http, error.MessageVi, error.MessageEn), error.Field);

    private static async Task<Results<Ok<ProcedureDetail>, ProblemHttpResult>> DetailAsync(Guid id, HttpContext http, ProcedureDetailQuery query)
    {
        var result = await query.HandleAsync(new GetProcedure(id), http.RequestAborted);
        return Problem.Answer(http, result);
    }

    private static async Task<Results<Ok<ProcedureDetail>, ProblemHttpResult>> ByCodeAsync(string code, HttpContext http, ProcedureDetailQuery query)
    {
        if (code.Length > 50) return Problem.NotFound(http, "procedure", "thủ tục hành chính");
        var result = await query.HandleAsync(new GetProcedure(Code: code), http.RequestAborted);
        return Problem.Answer(http, result);
    }

    private static async Task<Results<Ok<DossierTracking>, ProblemHttpResult>> TrackAsync(TrackingRequest request, HttpContext http, DossierQueries queries)
    {
        var result = await queries.TrackAsync(request.Code, request.SecondFactor, http.RequestAborted);
        return Problem.Answer(http, result);
    }
}

public sealed class TrackingValidator : AbstractValidator<TrackingRequest>
{
    public TrackingValidator()
    {
        RuleFor(x => x.Code).Required(80, "mã hồ sơ", "The dossier code");
        RuleFor(x => x.SecondFactor).NotEmpty().Says("Thiếu 4 số cuối điện thoại hoặc giấy tờ.", "The last 4 digits are required.")
            .Matches("^[0-9]{4}$").Says("Nhập đúng 4 chữ số cuối của số điện thoại hoặc số giấy tờ tùy thân.", "Enter the last 4 digits of the phone or identity number.");
    }
}
