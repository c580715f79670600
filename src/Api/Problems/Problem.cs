using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Procedures.Common;

namespace Api.Problems;

/// <summary>
/// Every error is RFC 9457 problem+json, in Vietnamese by default and English on request: a stable
/// <c>code</c>, the <c>field</c> concerned and, for input errors, <c>errors</c> by field name.
/// NotFound → 404, Forbidden → 403, Invalid → 422 (well-formed but refused by a rule), Conflict → 409, Stale → 412 with the current ETag;
/// 400 is for requests that cannot be read or fail the shape checks.
/// </summary>
public static class Problem
{
    public static ProblemHttpResult From(HttpContext http, DomainError error)
    {
        var status = error.Kind switch
        {
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            ErrorKind.Invalid => StatusCodes.Status422UnprocessableEntity,
            ErrorKind.Stale => StatusCodes.Status412PreconditionFailed,
            _ => StatusCodes.Status409Conflict,
        };
        if (error.CurrentRevision is { } current) http.Response.Headers.ETag = Api.Dossiers.RevisionGuard.Tag(current);
        var errors = error.Problems?.Where(p => p.Field is not null).GroupBy(p => p.Field!)
            .ToDictionary(g => g.Key, g => g.Select(p => Language.Pick(http, p.MessageVi, p.MessageEn)).ToArray());
        return Make(http, status, error.Code, Language.Pick(http, error.MessageVi, error.MessageEn), error.Field, errors);
    }

    public static ProblemHttpResult Make(HttpContext http, int status, string code, string detail, string? field = null,
        IDictionary<string, string[]>? errors = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = Titles.For(http, status),
            Detail = detail,
            Type = $"https://iso-dien-tu.vn/problems/{code}",
            Instance = http.Request.Path,
        };
        problem.Extensions["code"] = code;
        if (field is not null) problem.Extensions["field"] = field;
        errors ??= field is null ? null : new Dictionary<string, string[]> { [field] = [detail] };
        if (errors is not null) problem.Extensions["errors"] = errors;
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult Invalid(HttpContext http, string field, string code, string vi, string en) =>
        Make(http, StatusCodes.Status400BadRequest, code, Language.Pick(http, vi, en), field);

    /// <summary>A use case's answer: 200 with its value, or its error as a problem.</summary>
    public static Results<Ok<T>, ProblemHttpResult> Answer<T>(HttpContext http, DomainResult<T> result) =>
        result.Error is { } error ? From(http, error) : TypedResults.Ok(result.Value!);

    public static ProblemHttpResult NotFound(HttpContext http, string what = "dossier", string whatVi = "hồ sơ") =>
        From(http, DomainError.NotFound(what, whatVi));

    /// <summary>Identity's refusals (password policy, duplicate name) with Vietnamese texts for the common ones.</summary>
    public static ProblemHttpResult FromIdentity(HttpContext http, IdentityResult result, string field = "password")
    {
        var errors = result.Errors.GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : field)
            .ToDictionary(g => g.Key, g => g.Select(e => Language.Pick(http, IdentityTexts.Vietnamese(e), e.Description)).ToArray());
        return Make(http, StatusCodes.Status400BadRequest, "invalid-account", string.Join(" ", errors.Values.SelectMany(v => v)),
            errors.Keys.First(), errors);
    }
}

internal static class IdentityTexts
{
    public static string Vietnamese(IdentityError e) => e.Code switch
    {
        "PasswordTooShort" => "Mật khẩu phải có ít nhất 10 ký tự.",
        "PasswordRequiresDigit" => "Mật khẩu phải có ít nhất một chữ số.",
        "PasswordRequiresLower" => "Mật khẩu phải có ít nhất một chữ thường.",
        "PasswordRequiresUpper" => "Mật khẩu phải có ít nhất một chữ hoa.",
        "PasswordRequiresNonAlphanumeric" => "Mật khẩu phải có ít nhất một ký tự đặc biệt.",
        "PasswordRequiresUniqueChars" => "Mật khẩu phải có ít nhất 5 ký tự khác nhau.",
        "DuplicateUserName" => "Tài khoản này đã được đăng ký.",
        "InvalidUserName" => "Tên đăng nhập chứa ký tự không hợp lệ.",
        "InvalidToken" => "Mã xác thực không đúng hoặc đã hết hạn.",
        "PasswordMismatch" => "Mật khẩu hiện tại không đúng.",
        _ => e.Description,
    };
}

/// <summary>Titles by status code, in both languages.</summary>
public static class Titles
{
    public static string For(HttpContext http, int status) => status switch
    {
        400 => Language.Pick(http, "Yêu cầu không hợp lệ", "Bad request"),
        401 => Language.Pick(http, "Chưa đăng nhập", "Not signed in"),
        403 => Language.Pick(http, "Không có quyền", "Forbidden"),
        404 => Language.Pick(http, "Không tìm thấy", "Not found"),
        405 => Language.Pick(http, "Phương thức không được hỗ trợ", "Method not allowed"),
        409 => Language.Pick(http, "Xung đột trạng thái", "Conflict"),
        412 => Language.Pick(http, "Dữ liệu đã thay đổi", "Precondition failed"),
        413 => Language.Pick(http, "Dữ liệu quá lớn", "Content too large"),
        415 => Language.Pick(http, "Kiểu nội dung không được hỗ trợ", "Unsupported media type"),
        422 => Language.Pick(http, "Không thể xử lý yêu cầu", "Unprocessable request"),
        428 => Language.Pick(http, "Thiếu điều kiện If-Match", "Precondition required"),
        429 => Language.Pick(http, "Quá nhiều yêu cầu", "Too many requests"),
        500 => Language.Pick(http, "Lỗi hệ thống", "Server error"),
        503 => Language.Pick(http, "Dịch vụ tạm thời không sẵn sàng", "Service unavailable"),
        _ => Language.Pick(http, "Lỗi", "Error"),
    };

    /// <summary>A detail for the status pages the framework writes itself (401, 403, 404 of unknown routes, 405, 415, 429).</summary>
    public static string Detail(HttpContext http, int status) => status switch
    {
        401 => Language.Pick(http, "Vui lòng đăng nhập để thực hiện thao tác này.", "Sign in to do this."),
        403 => Language.Pick(http, "Tài khoản của bạn không được phép thực hiện thao tác này.", "Your account may not do this."),
        404 => Language.Pick(http, "Không có tài nguyên tại địa chỉ này.", "Nothing at this address."),
        405 => Language.Pick(http, "Địa chỉ này không hỗ trợ phương thức HTTP đã dùng.", "This address does not support that HTTP method."),
        413 => Language.Pick(http, "Dữ liệu gửi lên vượt quá giới hạn cho phép.", "The request body is larger than allowed."),
        415 => Language.Pick(http, "Hãy gửi dữ liệu dạng application/json (hoặc multipart/form-data khi tải tệp).", "Send application/json (or multipart/form-data for uploads)."),
        429 => Language.Pick(http, "Bạn đã gửi quá nhiều yêu cầu; vui lòng thử lại sau.", "Too many requests; try again later."),
        _ => Titles.For(http, status),
    };
}
