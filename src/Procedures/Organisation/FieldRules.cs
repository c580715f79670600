using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Procedures.Calendar;
using Procedures.Common;

namespace Procedures.Organisation;

/// <summary>Format checks of organisation fields; each failure names the field.</summary>
public static partial class FieldRules
{
    /// <summary>
    /// The national electronic identifier of agencies (mã định danh, e.g. <c>000.00.07.H29</c>): 13 characters,
    /// three digit groups and a letter with two digits. It prefixes dossier codes, so no hyphen may appear.
    /// </summary>
    [GeneratedRegex(@"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$")]
    public static partial Regex UnitCode();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{2,99}$")]
    private static partial Regex UserName();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    // Mobile and landline numbers as people write them: 0912 345 678, 0207.3822.111, +84 912 345 678.
    [GeneratedRegex(@"^(\+84|0)[0-9 .]{8,14}$")]
    private static partial Regex Phone();

    public static DomainError? Required(string field, string? value, int maxLength, string nameVi) =>
        string.IsNullOrWhiteSpace(value)
            ? DomainError.Invalid(field, "required", $"Vui lòng nhập {nameVi}.", $"{field} is required.")
            : value.Length > maxLength
                ? DomainError.Invalid(field, "too-long", $"{char.ToUpperInvariant(nameVi[0])}{nameVi[1..]} dài quá {maxLength} ký tự.", $"{field} is longer than {maxLength} characters.")
                : null;

    public static DomainError? CheckUnitCode(string? code, string field = "code") =>
        code is not null && UnitCode().IsMatch(code) ? null
            : DomainError.Invalid(field, "bad-unit-code", "Mã đơn vị phải theo định dạng mã định danh, ví dụ 000.00.07.H29.",
                "The unit code must be in the national identifier format, e.g. 000.00.07.H29.");

    public static DomainError? CheckUserName(string? userName) =>
        userName is not null && UserName().IsMatch(userName) ? null
            : DomainError.Invalid("userName", "bad-user-name", "Tên đăng nhập gồm 3–100 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới.",
                "The user name must be 3–100 characters: lower-case letters, digits, '.', '-', '_'.");

    public static DomainError? CheckEmail(string? email) =>
        email is null || email.Length <= 200 && Email().IsMatch(email) ? null
            : DomainError.Invalid("email", "bad-email", "Địa chỉ thư điện tử không hợp lệ.", "The email address is not valid.");

    public static DomainError? CheckPhone(string? phone) =>
        phone is null || Phone().IsMatch(phone) && phone.Count(char.IsAsciiDigit) is >= 9 and <= 12 ? null
            : DomainError.Invalid("phone", "bad-phone", "Số điện thoại không hợp lệ.", "The phone number is not valid.");

    public static DomainError? CheckOfficeHours(string? officeHours) =>
        officeHours is null || OfficeHoursText.TryParse(officeHours, out _) ? null
            : DomainError.Invalid("officeHours", "bad-office-hours", "Giờ làm việc phải có dạng 07:30-11:30,13:30-17:00.",
                "Office hours must read like 07:30-11:30,13:30-17:00.");

    /// <summary>A unique index refused the row: a concurrent request took the same code first.</summary>
    public static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>Blank optional text is stored as null, so "no phone" has one representation.</summary>
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
