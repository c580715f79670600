using Api.Accounts;
using Api.Audit;
using Api.Dossiers;
using Api.Persistence;
using Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Api.Attachments;

public static class AttachmentEndpoints
{
    /// <summary>Uploads are multipart; the limit on the body is the file limit plus room for the form's own parts.</summary>
    public static RouteHandlerBuilder Upload(this RouteHandlerBuilder builder, long maxBytes) => builder
        .DisableAntiforgery() // cookies are SameSite=Strict and API clients use bearer tokens: no cross-site form can post here
        .WithMetadata(new RequestSizeLimitAttribute(maxBytes + 64 * 1024))
        .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = maxBytes + 64 * 1024 })
        .Accepts<IFormFile>("multipart/form-data")
        .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);

    public static void Map(WebApplication app, long maxBytes)
    {
        app.MapPost("/api/v1/attachments", UploadAsync).RequireAuthorization().Upload(maxBytes).Audited("attachment.upload", "attachment")
            .WithTags("Attachments").WithName("UploadAttachment").WithSummary("Tải lên tệp đính kèm")
            .WithDescription($"Officials and citizens. Multipart field 'file'; PDF, PNG, JPEG or TIFF recognised by content; at most {maxBytes / 1024 / 1024} MB. Returns the id to reference in documents[].attachmentId. A retry with the same Idempotency-Key answers the first upload.").AcceptsIdempotencyKey();

        var dossier = app.MapGroup("/api/v1/dossiers/{id:guid}/attachments").WithTags("Attachments").RequireAuthorization(Policies.Official);
        dossier.MapPost("/", UploadToDossierAsync).Upload(maxBytes).Audited("dossier.attach")
            .WithName("AttachToDossier").WithSummary("Đính kèm tệp vào hồ sơ").WithDescription("An official of a unit taking part in the dossier.")
            .AcceptsIdempotencyKey();
        dossier.MapGet("/{attachmentId:guid}", DownloadAsync).Audited("dossier.attachment.read")
            .WithName("DownloadDossierAttachment").WithSummary("Tải tệp đính kèm của hồ sơ").Produces(200, contentType: "application/octet-stream").ProducesProblem(404);
    }

    private static async Task<Results<Created<AttachmentView>, ProblemHttpResult>> UploadAsync(IFormFile? file, HttpContext http, AttachmentUpload upload)
    {
        if (CurrentUser.From(http.User) is not { IsSystem: false }) return Problem.Make(http, 403, "forbidden", Titles.Detail(http, 403));
        return await upload.AcceptAsync(http, file, null);
    }

    private static async Task<Results<Created<AttachmentView>, ProblemHttpResult>> UploadToDossierAsync(
        Guid id, IFormFile? file, HttpContext http, AttachmentUpload upload, DossierAccess access, AttachmentBinder binder)
    {
        var user = CurrentUser.Of(http);
        if (!await access.OfficialSeesAsync(user.Name, id, http.RequestAborted)) return Problem.NotFound(http);
        return await upload.AcceptAsync(http, file, id, a => binder.RecordAsync(id, [a], user, http.RequestAborted));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        Guid id, Guid attachmentId, HttpContext http, DossierAccess access, ApiDb db, IFileStore store)
    {
        if (!await access.OfficialSeesAsync(CurrentUser.Of(http).Name, id, http.RequestAborted)) return Problem.NotFound(http);
        return await StreamAsync(http, db, store, id, attachmentId);
    }

    /// <summary>An attachment of the dossier (bound to it, or referenced by one of its documents), streamed.</summary>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> StreamAsync(HttpContext http, ApiDb db, IFileStore store, Guid dossierId, Guid attachmentId)
    {
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.DossierId == dossierId, http.RequestAborted);
        var stream = attachment is null ? null : await store.OpenAsync(attachment.Id, http.RequestAborted);
        if (attachment is null || stream is null) return Problem.NotFound(http, "attachment", "tệp đính kèm");
        http.Response.Headers["X-Content-SHA256"] = attachment.Sha256;
        return TypedResults.Stream(stream, attachment.ContentType, attachment.FileName);
    }
}
