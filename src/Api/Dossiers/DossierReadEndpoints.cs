using Api.Accounts;
using Api.Attachments;
using Api.Audit;
using Api.Persistence;
using Api.Problems;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Procedures.Dossiers;

namespace Api.Dossiers;

/// <summary>A dossier as an official taking part sees it: everything, its history (Form 05), open steps and attachments.</summary>
public sealed record DossierDetailResponse(DossierDetails Dossier, IReadOnlyList<AttachmentView> Attachments, int Revision);

/// <summary>
/// Server-side search of the caller's units' dossiers. Sent as a POST body so identity numbers, phones and names
/// stay out of URLs, browser histories and access logs.
/// </summary>
public sealed record DossierSearchRequest(
    string? Code = null, string? ApplicantName = null, string? IdNumber = null, string? Phone = null, Guid? ProcedureId = null,
    Guid? UnitId = null, DossierStatus? Status = null, DateOnly? ReceivedFrom = null, DateOnly? ReceivedTo = null,
    DossierSort Sort = DossierSort.ReceivedNewest, int Page = 1, int PageSize = 20);

public static class DossierReadEndpoints
{
    public static void Map(RouteGroupBuilder dossiers)
    {
        dossiers.MapGet("/{id:guid}", GetAsync).Audited("dossier.read")
            .WithName("GetDossier").WithSummary("Chi tiết hồ sơ")
            .WithDescription("Officials of a unit taking part. ETag carries the revision to send back as If-Match. Reading is audited.")
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        dossiers.MapPost("/search", SearchAsync).Validates<DossierSearchRequest>().Audited("dossier.search")
            .WithName("SearchDossiers").WithSummary("Tìm kiếm, tra cứu hồ sơ")
            .WithDescription("Dossiers of the caller's units by code, applicant name (contains, any case), identity number, phone, procedure, unit, status and reception dates (Vietnam calendar, inclusive); sorted and paged on the server.")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
    }

    private static async Task<Results<Ok<DossierDetailResponse>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, DossierQueries queries, ApiDb db)
    {
        // The revision is read in the same statement as the content, so the tag always names what is shown.
        var result = await queries.GetAsync(id, CurrentUser.Of(http).Name, http.RequestAborted);
        if (result.Error is { } error) return Problem.From(http, error);
        var details = result.Value!;
        var attachments = await AttachmentView.OfDossierAsync(db, id, http.RequestAborted);
        http.Response.Headers.ETag = RevisionGuard.Tag(details.Revision);
        return TypedResults.Ok(new DossierDetailResponse(details, attachments, details.Revision));
    }

    private static async Task<Results<Ok<DossierPage>, ProblemHttpResult>> SearchAsync(DossierSearchRequest r, HttpContext http, DossierQueries queries)
    {
        var result = await queries.SearchAsync(new DossierSearch(CurrentUser.Of(http).Name, r.Code, r.ApplicantName, r.IdNumber, r.Phone, r.ProcedureId,
            r.UnitId, r.Status, r.ReceivedFrom, r.ReceivedTo, r.Sort, r.Page, r.PageSize), http.RequestAborted);
        return Problem.Answer(http, result);
    }
}

public sealed class DossierSearchValidator : AbstractValidator<DossierSearchRequest>
{
    public DossierSearchValidator()
    {
        RuleFor(x => x.Code).Optional(80, "mã hồ sơ", "The code");
        RuleFor(x => x.ApplicantName).Optional(200, "họ tên", "The name");
        RuleFor(x => x.IdNumber).Optional(30, "số giấy tờ", "The identity number");
        RuleFor(x => x.Phone).Optional(30, "số điện thoại", "The phone");
        RuleFor(x => x.Status).IsInEnum().Says("Trạng thái không hợp lệ.", "The status is not valid.");
        RuleFor(x => x.Sort).IsInEnum().Says("Cách sắp xếp không hợp lệ.", "The sort is not valid.");
        RuleFor(x => x.Page).InclusiveBetween(1, 100_000).Says("Số trang phải từ 1.", "Page must be 1 or more.");
        RuleFor(x => x.PageSize).InclusiveBetween(1, 200).Says("Cỡ trang từ 1 đến 200.", "Page size must be 1 to 200.");
        RuleFor(x => x.ReceivedTo).GreaterThanOrEqualTo(x => x.ReceivedFrom).When(x => x.ReceivedFrom is not null && x.ReceivedTo is not null)
            .Says("Ngày kết thúc phải sau ngày bắt đầu.", "The end date must not be before the start date.");
    }
}
