using Api.Audit;
using Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Procedures.Catalogue;

namespace Api.Admin;

/// <summary>
/// The blank form of a procedure's document: system administrators upload it (multipart field <c>file</c>), anyone downloads it
/// from the public catalogue while the procedure is active.
/// </summary>
public static class TemplateFileEndpoints
{
    public static void MapUpload(RouteGroupBuilder catalogue) =>
        catalogue.MapPut("/procedures/{id:guid}/documents/{documentId:guid}/template", UploadAsync)
            .DisableAntiforgery() // cookies are SameSite=Strict and API clients use bearer tokens: no cross-site form can post here
            .Accepts<IFormFile>("multipart/form-data")
            .Audited("procedure.template.upload", "procedure").WithName("UploadDocumentTemplate")
            .WithSummary("Tải lên mẫu đơn, tờ khai của thành phần hồ sơ")
            .WithDescription($"System administrators. Multipart field 'file': PDF, DOCX or XLSX recognised by content, at most {TemplateFileRules.MaxBytes / 1024 / 1024} MB; replaces the earlier file.")
            .AdminProblems();

    public static void MapDownload(RouteGroupBuilder publicCatalogue) =>
        publicCatalogue.MapGet("/procedures/{id:guid}/documents/{documentId:guid}/template", DownloadAsync)
            .WithName("DownloadDocumentTemplate").WithSummary("Tải mẫu đơn, tờ khai").ProducesProblem(404);

    private static async Task<Results<Ok<DocumentView>, ProblemHttpResult>> UploadAsync(Guid id, Guid documentId, IFormFile? file, HttpContext http, TemplateFiles templates)
    {
        // Refused before reading: a file over the limit is never buffered.
        if (file is { Length: > TemplateFileRules.MaxBytes })
            return Problem.Make(http, 413, "file-too-large", Language.Pick(http, $"Tệp mẫu vượt quá {TemplateFileRules.MaxBytes / 1024 / 1024} MB.",
                $"The template is larger than {TemplateFileRules.MaxBytes / 1024 / 1024} MB."), "file");
        var content = new byte[file?.Length ?? 0];
        if (file is not null)
        {
            await using var input = file.OpenReadStream();
            await input.ReadExactlyAsync(content, http.RequestAborted);
        }
        return await AdminActor.RunAsync(http, a => templates.UploadAsync(a, new UploadDocumentTemplate(id, documentId, file?.FileName, content), http.RequestAborted));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(Guid id, Guid documentId, HttpContext http, TemplateFiles templates)
    {
        var file = await templates.FindAsync(id, documentId, http.RequestAborted);
        if (file is null)
            return Problem.Make(http, 404, "not-found", Language.Pick(http, "Thành phần hồ sơ này không có mẫu để tải.", "This document has no template to download."), "documentId");
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
