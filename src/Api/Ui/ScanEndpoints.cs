using Api.Accounts;
using Api.Attachments;
using Api.Audit;
using Api.Dossiers;
using Api.Persistence;
using Api.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Api.Ui;

/// <summary>
/// A dossier's uploaded scans as the pages show them: inline in the viewer panel (PDF and images), or as a download with
/// <c>?tai-ve=1</c>. Officials only within the units taking part in the dossier, citizens only their own dossier; anyone
/// else gets 404, as for the API's downloads. Served under <see cref="Prefix"/>, which alone may be framed by this site's pages.
/// </summary>
public static class ScanEndpoints
{
    public const string Prefix = "/ui/tep";

    /// <summary>What Chromium, Firefox and Safari show inline; TIFF is offered as a download only.</summary>
    public static bool ShowsInline(string contentType) => contentType is "application/pdf" or "image/png" or "image/jpeg";

    public static string OfficialLink(Guid dossierId, Guid attachmentId, bool download = false) =>
        $"{Prefix}/ho-so/{dossierId}/{attachmentId}{(download ? "?tai-ve=1" : "")}";

    public static string CitizenLink(Guid dossierId, Guid attachmentId, bool download = false) =>
        $"{Prefix}/cong-dan/{dossierId}/{attachmentId}{(download ? "?tai-ve=1" : "")}";

    public static void Map(WebApplication app)
    {
        var files = app.MapGroup(Prefix).ExcludeFromDescription();
        files.MapGet("/ho-so/{id:guid}/{attachmentId:guid}", OfficialAsync).RequireAuthorization(Policies.Official).Audited("dossier.attachment.read");
        files.MapGet("/cong-dan/{id:guid}/{attachmentId:guid}", CitizenAsync).RequireAuthorization(Policies.Citizen).Audited("citizen.attachment.read");
    }

    private static async Task<IResult> OfficialAsync(Guid id, Guid attachmentId, HttpContext http, DossierAccess access, ApiDb db, IFileStore store) =>
        await access.OfficialSeesAsync(CurrentUser.Of(http).Name, id, http.RequestAborted)
            ? await ServeAsync(http, db, store, id, attachmentId)
            : Problem.NotFound(http);

    private static async Task<IResult> CitizenAsync(Guid id, Guid attachmentId, HttpContext http, DossierAccess access, ApiDb db, IFileStore store) =>
        await access.CitizenOwnsAsync(CurrentUser.Of(http).CitizenId, id, http.RequestAborted)
            ? await ServeAsync(http, db, store, id, attachmentId)
            : Problem.NotFound(http);

    private static async Task<IResult> ServeAsync(HttpContext http, ApiDb db, IFileStore store, Guid dossierId, Guid attachmentId)
    {
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.DossierId == dossierId, http.RequestAborted);
        var stream = attachment is null ? null : await store.OpenAsync(attachment.Id, http.RequestAborted);
        if (attachment is null || stream is null) return Problem.NotFound(http, "attachment", "tệp đính kèm");
        var inline = !http.Request.Query.ContainsKey("tai-ve") && ShowsInline(attachment.ContentType);
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(attachment.FileName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        http.Response.Headers["X-Content-SHA256"] = attachment.Sha256;
        return Results.Stream(stream, attachment.ContentType);
    }
}
