using Api.Accounts;
using Api.Attachments;
using Api.Audit;
using Api.Dossiers;
using Api.Hosting;
using Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Procedures.Signatures;

namespace Api.Public;

/// <summary>What anyone holding a signed result learns: validity, signer (name, title, unit), time, dossier code; nothing else.</summary>
/// <param name="IssuedHere">The exact file is a result this system signed and stored.</param>
/// <param name="Problem">Why it is not valid, in the caller's language; null when valid.</param>
/// <param name="SignedAt">The time-stamping authority's time when a valid time-stamp is present, else the time the signer claims.</param>
/// <param name="Timestamp">The RFC 3161 time-stamp the signature carries; null when it has none.</param>
/// <param name="SubFilter">ETSI.CAdES.detached (PAdES) or adbe.pkcs7.detached.</param>
/// <param name="LongTermValidation">The document carries long-term validation data (PAdES B-LT: certificates and revocation lists in a /DSS).</param>
/// <param name="EmbeddedValidationDataUsed">The revocation check used the lists embedded in the document, the configured ones not covering the
/// signer's authority with a current list.</param>
/// <param name="Note">Said with the verdict, in the caller's language: that the embedded validation data was used; null otherwise.</param>
public sealed record VerificationView(bool Signed, bool Valid, bool DocumentUnchanged, bool SignatureValid, string? Problem,
    string? SignerName, string? SignerTitle, string? SignerUnit, DateTimeOffset? SignedAt, string? DossierCode, string Sha256, bool IssuedHere,
    TimestampView? Timestamp, string? SubFilter, bool LongTermValidation, bool EmbeddedValidationDataUsed, string? Note);

/// <summary>A signature time-stamp: the authority's time, whether the token is valid for this signature, and the authority's name.</summary>
public sealed record TimestampView(DateTimeOffset? At, bool Valid, string? Authority);

/// <summary>
/// Verification of signed results (trang xác thực): anyone uploads a PDF or follows the QR printed on it. Officials and the
/// citizen who owns the dossier download the signed result.
/// </summary>
public static class VerificationEndpoints
{
    const long MaxBytes = 20 * 1024 * 1024;

    public static void Map(WebApplication app)
    {
        var open = app.MapGroup("/api/v1/public/verify").WithTags("Public").AllowAnonymous().RequireRateLimiting(RateLimits.Public);
        open.MapPost("/", VerifyAsync).Upload(MaxBytes).WithName("VerifySignedDocument").WithSummary("Xác thực văn bản điện tử đã ký số")
            .WithDescription("Anyone. Multipart field 'file' (a PDF). Answers whether the last signature is valid, who signed and when, for which dossier code, whether the file changed since signing (only long-term validation data may follow the signed revision), the time-stamp (RFC 3161) if the signature carries one, and whether the document carries long-term validation data (PAdES B-LT) and the verdict used it.");
        open.MapGet("/{resultId:guid}", StoredAsync).WithName("VerifyStoredResult").WithSummary("Xác thực kết quả theo mã QR")
            .WithDescription("Anyone. The verification of a result this system signed (the QR printed on it leads here).").ProducesProblem(404);

        app.MapGet("/api/v1/dossiers/{id:guid}/signed-result", OfficialDownloadAsync).RequireAuthorization(Policies.Official)
            .Audited("dossier.signed-result.read").WithTags("Dossiers").WithName("DownloadSignedResult").WithSummary("Tải kết quả điện tử đã ký số")
            .WithDescription("An official who sees the dossier.").Produces(200, contentType: "application/pdf").ProducesProblem(404);
        app.MapGet("/api/v1/citizen/dossiers/{id:guid}/signed-result", CitizenDownloadAsync).RequireAuthorization(Policies.Citizen)
            .Audited("citizen.signed-result.read").WithTags("Citizens").WithName("DownloadMySignedResult").WithSummary("Tải kết quả điện tử của hồ sơ của tôi")
            .WithDescription("The citizen whose dossier it is.").Produces(200, contentType: "application/pdf").ProducesProblem(404);

        app.MapGet("/api/v1/dossiers/{id:guid}/signed-forms/{kind}", OfficialFormAsync).RequireAuthorization(Policies.Official)
            .Audited("dossier.signed-form.read").WithTags("Dossiers").WithName("DownloadSignedForm").WithSummary("Tải phiếu đã ký số (Mẫu 03, Mẫu 04)")
            .WithDescription("An official who sees the dossier. kind: 'refusal' (Form 03) or 'apology' (Form 04), as signed when issued.")
            .Produces(200, contentType: "application/pdf").ProducesProblem(400).ProducesProblem(404);
        app.MapGet("/api/v1/citizen/dossiers/{id:guid}/signed-forms/{kind}", CitizenFormAsync).RequireAuthorization(Policies.Citizen)
            .Audited("citizen.signed-form.read").WithTags("Citizens").WithName("DownloadMySignedForm").WithSummary("Tải phiếu đã ký số của hồ sơ của tôi")
            .WithDescription("The citizen whose dossier it is. kind: 'refusal' (Form 03) or 'apology' (Form 04), as signed when issued.")
            .Produces(200, contentType: "application/pdf").ProducesProblem(400).ProducesProblem(404);
    }

    private static async Task<Results<Ok<VerificationView>, ProblemHttpResult>> VerifyAsync(IFormFile? file, HttpContext http,
        SignatureVerifier verifier, NpgsqlDataSource db)
    {
        if (file is null || file.Length == 0)
            return Problem.Invalid(http, "file", "file-required", "Chưa chọn tệp PDF cần xác thực.", "Choose the PDF file to verify.");
        if (file.Length > MaxBytes)
            return Problem.Invalid(http, "file", "file-too-large", "Tệp lớn hơn 20 MB.", "The file is larger than 20 MB.");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, http.RequestAborted);
        var bytes = buffer.ToArray();
        if (!bytes.AsSpan().StartsWith("%PDF-"u8))
            return Problem.Invalid(http, "file", "not-a-pdf", "Tệp không phải là PDF.", "The file is not a PDF.");
        return TypedResults.Ok(await ViewAsync(http, verifier, db, bytes));
    }

    private static async Task<Results<Ok<VerificationView>, ProblemHttpResult>> StoredAsync(Guid resultId, HttpContext http, SignatureVerifier verifier,
        NpgsqlDataSource db)
    {
        var stored = await SignedResults.ByIdAsync(db, resultId, http.RequestAborted);
        return stored is null ? Problem.NotFound(http, "signed result", "kết quả đã ký") : TypedResults.Ok(await ViewAsync(http, verifier, db, stored.Content));
    }

    private static async Task<VerificationView> ViewAsync(HttpContext http, SignatureVerifier verifier, NpgsqlDataSource db, byte[] pdf)
    {
        var r = verifier.Verify(pdf);
        var issued = r.Signed && await SignedResults.FindAsync(db, null, r.Sha256, http.RequestAborted, kind: null) is not null;
        string? problem = !r.Signed ? Language.Pick(http, "Tệp không có chữ ký số.", "The file carries no digital signature.")
            : !r.DocumentUnchanged ? Language.Pick(http, "Văn bản đã bị thay đổi sau khi ký.", "The document was changed after it was signed.")
            : !r.SignatureValid ? Language.Pick(http, "Chữ ký số không hợp lệ.", "The digital signature is not valid.")
            : r.CertificateProblem is { } p ? Language.Pick(http, p.MessageVi, p.MessageEn)
            : r.Timestamp is { Valid: false } ? Language.Pick(http, "Dấu thời gian không hợp lệ hoặc không do tổ chức được tin cậy cấp.",
                "The time-stamp is not valid or was not issued by a trusted authority.")
            : null;
        return new VerificationView(r.Signed, r.Valid, r.DocumentUnchanged, r.SignatureValid, problem, r.SignerName, r.SignerTitle, r.SignerUnit,
            r.SignedAt, r.DossierCode, r.Sha256, issued,
            r.Timestamp is { } t ? new TimestampView(t.At, t.Valid, t.Authority) : null, r.SubFilter, r.LongTermValidation, r.EmbeddedValidationDataUsed,
            r.EmbeddedValidationDataUsed ? Language.Pick(http, "Tình trạng thu hồi chứng thư số được kiểm tra bằng dữ liệu xác thực nhúng trong văn bản.",
                "The certificate's revocation status was checked with the validation data embedded in the document.") : null);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> OfficialDownloadAsync(Guid id, HttpContext http, DossierAccess access,
        NpgsqlDataSource db) =>
        await access.OfficialSeesAsync(CurrentUser.Of(http).Name, id, http.RequestAborted) ? await FileAsync(http, db, id) : Problem.NotFound(http);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CitizenDownloadAsync(Guid id, HttpContext http, DossierAccess access,
        NpgsqlDataSource db) =>
        await access.CitizenOwnsAsync(CurrentUser.Of(http).CitizenId, id, http.RequestAborted) ? await FileAsync(http, db, id) : Problem.NotFound(http);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> OfficialFormAsync(Guid id, string kind, HttpContext http,
        DossierAccess access, NpgsqlDataSource db) =>
        !SignedKinds.IsForm(kind) ? UnknownForm(http)
        : await access.OfficialSeesAsync(CurrentUser.Of(http).Name, id, http.RequestAborted) ? await FileAsync(http, db, id, kind) : Problem.NotFound(http);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CitizenFormAsync(Guid id, string kind, HttpContext http,
        DossierAccess access, NpgsqlDataSource db) =>
        !SignedKinds.IsForm(kind) ? UnknownForm(http)
        : await access.CitizenOwnsAsync(CurrentUser.Of(http).CitizenId, id, http.RequestAborted) ? await FileAsync(http, db, id, kind) : Problem.NotFound(http);

    private static ProblemHttpResult UnknownForm(HttpContext http) => Problem.Invalid(http, "kind", "unknown-signed-form",
        "Loại phiếu phải là 'refusal' (Mẫu 03) hoặc 'apology' (Mẫu 04).", "The form must be 'refusal' (Form 03) or 'apology' (Form 04).");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FileAsync(HttpContext http, NpgsqlDataSource db, Guid dossierId,
        string kind = SignedKinds.Result)
    {
        if (await SignedResults.FindAsync(db, dossierId, null, http.RequestAborted, kind) is not { } result)
            return kind == SignedKinds.Result ? Problem.NotFound(http, "signed result", "kết quả đã ký") : Problem.NotFound(http, "signed form", "phiếu đã ký");
        http.Response.Headers["X-Content-SHA256"] = result.Sha256;
        return TypedResults.File(result.Content, "application/pdf", result.FileName);
    }
}
