using System.Security.Claims;
using Api.Attachments;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Ui;

/// <summary>
/// Files picked in a page go through the API's own upload rules (size, type by content, sanitised name, virus scan, SHA-256)
/// by handing <see cref="AttachmentUpload"/> the browser file as a form file of a request made for the page's user.
/// </summary>
public static class BrowserUploads
{
    public static async Task<(AttachmentView? File, string? Error)> SaveAsync(IServiceProvider sp, ClaimsPrincipal user, IBrowserFile file, long maxBytes,
        string? formKey = null, CancellationToken ct = default)
    {
        await using var buffer = new MemoryStream();
        try
        {
            await using var read = file.OpenReadStream(maxBytes + 1, ct);
            await read.CopyToAsync(buffer, ct);
        }
        catch (IOException)
        {
            return (null, UiServices.IsEnglish ? $"The file is larger than {maxBytes / 1024 / 1024} MB." : $"Tệp vượt quá {maxBytes / 1024 / 1024} MB.");
        }
        buffer.Position = 0;
        var form = new FormFile(buffer, 0, buffer.Length, "file", file.Name) { Headers = new HeaderDictionary(), ContentType = file.ContentType };
        var http = UiSession.RequestFor(sp, user);
        if (formKey is not null) http.Request.Headers[Problems.IdempotencyKeyHeader.Name] = KeyOf(formKey, file);
        var result = await sp.GetRequiredService<AttachmentUpload>().AcceptAsync(http, form, null);
        return result.Result switch
        {
            Created<AttachmentView> created => (created.Value, null),
            ProblemHttpResult problem => (null, problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title),
            _ => (null, "?"),
        };
    }

    /// <summary>One key per form and picked file (name, size, time), so a replayed pick stores the file once and another file is a new upload.</summary>
    private static string KeyOf(string formKey, IBrowserFile file) => formKey + "-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes($"{file.Name}\n{file.Size}\n{file.LastModified:O}")))[..32];
}
