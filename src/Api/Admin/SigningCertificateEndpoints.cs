using Api.Accounts;
using Api.Attachments;
using Api.Audit;
using Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Procedures.Signatures;

namespace Api.Admin;

/// <summary>
/// Officials' PKCS#12 signing certificates (.p12, .pfx), for offices without a remote signing service: a system administrator
/// uploads, replaces, lists and removes them; every call is audited. The file is checked as signing checks it and kept encrypted.
/// </summary>
public static class SigningCertificateEndpoints
{
    /// <summary>A PKCS#12 file holds a key and a few certificates: a few KB; anything near this is not one.</summary>
    public const long MaxBytes = 256 * 1024;

    public static void Map(RouteGroupBuilder admin)
    {
        var certificates = admin.MapGroup("/signing-certificates").WithTags("Admin: signatures").RequireAuthorization(Policies.SystemAdministrator);
        certificates.MapGet("/", (StoredCertificates store, HttpContext http) => store.ListAsync(http.RequestAborted))
            .Audited("signing-certificate.list", "official").WithName("ListSigningCertificates").WithSummary("Danh sách chứng thư số của cán bộ")
            .WithDescription("System administrators. Subject, serial number and validity of each official's stored certificate; never the key.");
        certificates.MapPut("/{userName}", UploadAsync).Upload(MaxBytes)
            .Audited("signing-certificate.upload", "official").WithName("UploadSigningCertificate").WithSummary("Tải lên hoặc thay chứng thư số của cán bộ")
            .WithDescription("System administrators. Multipart fields 'file' (PKCS#12, .p12 or .pfx) and 'password'. The certificate must be valid today, issued for signing, chain to a trusted authority and not be revoked; it replaces the official's previous one.")
            .AdminProblems();
        certificates.MapDelete("/{userName}", RemoveAsync)
            .Audited("signing-certificate.remove", "official").WithName("RemoveSigningCertificate").WithSummary("Gỡ chứng thư số của cán bộ")
            .WithDescription("System administrators. The official can no longer sign results until another certificate is uploaded.").AdminProblems();
    }

    private static async Task<Results<Ok<StoredCertificate>, ProblemHttpResult>> UploadAsync(string userName, IFormFile? file, [FromForm] string? password,
        HttpContext http, StoredCertificates store)
    {
        http.Items["audit:resource"] = userName;
        if (file is null || file.Length == 0)
            return Problem.Invalid(http, "file", "file-required", "Chưa chọn tệp chứng thư số (.p12, .pfx).", "Choose the certificate file (.p12, .pfx).");
        if (file.Length > MaxBytes)
            return Problem.Invalid(http, "file", "file-too-large", "Tệp chứng thư số lớn hơn 256 KB; đây không phải tệp .p12/.pfx.",
                "The certificate file is larger than 256 KB; it is not a .p12/.pfx file.");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, http.RequestAborted);
        var stored = await store.UploadAsync(userName, buffer.ToArray(), password, CurrentUser.Of(http).Name, http.RequestAborted);
        return Problem.Answer(http, stored);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(string userName, HttpContext http, StoredCertificates store)
    {
        http.Items["audit:resource"] = userName;
        return await store.RemoveAsync(userName, http.RequestAborted) ? TypedResults.NoContent() : Problem.NotFound(http, "signing certificate", "chứng thư số");
    }
}
