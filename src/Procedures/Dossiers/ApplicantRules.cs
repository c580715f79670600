using System.Text.RegularExpressions;
using Procedures.Common;

namespace Procedures.Dossiers;

/// <summary>
/// What an applicant's details must look like, checked by the HTTP API and by the pages alike: a Vietnamese phone number
/// (mobile 03x/05x/07x/08x/09x with 10 digits, or a landline 02x with 11), a 12-digit citizen identity number (CCCD),
/// and a length limit per field. Every problem is reported, each naming its field, so a form shows them all at once.
/// </summary>
public static partial class ApplicantRules
{
    public const int FullNameMax = 200, IdNumberLength = 12, PhoneMax = 30, EmailMax = 200, AddressMax = 500,
        OrganisationNameMax = 300, TaxCodeMax = 30;

    /// <summary>Digits with optional spaces, dots or dashes between groups; +84 stands for the leading 0.</summary>
    public static bool IsPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return false;
        var digits = phone.Trim();
        if (!SeparatedDigits().IsMatch(digits)) return false;
        digits = new string(digits.Where(char.IsAsciiDigit).ToArray());
        if (phone.TrimStart().StartsWith('+')) digits = digits.StartsWith("84", StringComparison.Ordinal) ? "0" + digits[2..] : "";
        return Mobile().IsMatch(digits) || Landline().IsMatch(digits);
    }

    /// <summary>The chip-based citizen identity card and the personal identity number: exactly 12 digits.</summary>
    public static bool IsCitizenIdNumber(string? idNumber) => idNumber is not null && CitizenId().IsMatch(idNumber.Trim());

    /// <summary>Every problem with the applicant's details; empty when they can be sent. Fields are named as in the HTTP contract.</summary>
    public static IReadOnlyList<DomainError> Check(ApplicantData applicant)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(applicant.FullName))
            errors.Add(DomainError.Invalid("fullName", "required", "Vui lòng nhập họ tên người nộp hồ sơ.", "The applicant's full name is required."));
        else Length(errors, applicant.FullName, FullNameMax, "fullName", "Họ tên", "The full name");
        if (!string.IsNullOrWhiteSpace(applicant.IdNumber) && !IsCitizenIdNumber(applicant.IdNumber))
            errors.Add(DomainError.Invalid("idNumber", "id-number", "Số định danh cá nhân (CCCD) gồm đúng 12 chữ số.",
                "The personal identity number (citizen ID card) is exactly 12 digits."));
        if (!string.IsNullOrWhiteSpace(applicant.Phone) && !IsPhone(applicant.Phone))
            errors.Add(DomainError.Invalid("phone", "phone", "Số điện thoại không hợp lệ: di động 10 chữ số bắt đầu bằng 03, 05, 07, 08, 09 (ví dụ 0912 345 678).",
                "The phone number is not valid: a mobile number has 10 digits starting 03, 05, 07, 08 or 09 (e.g. 0912 345 678)."));
        if (!string.IsNullOrWhiteSpace(applicant.Email))
        {
            if (applicant.Email.Trim().Length > EmailMax) Length(errors, applicant.Email, EmailMax, "email", "Thư điện tử", "The e-mail address");
            else if (!System.Net.Mail.MailAddress.TryCreate(applicant.Email.Trim(), out var address) || address.Address != applicant.Email.Trim())
                errors.Add(DomainError.Invalid("email", "email", "Thư điện tử không hợp lệ.", "The e-mail address is not valid."));
        }
        Length(errors, applicant.Address, AddressMax, "address", "Địa chỉ", "The address");
        Length(errors, applicant.OrganisationName, OrganisationNameMax, "organisationName", "Tên tổ chức", "The organisation name");
        Length(errors, applicant.TaxCode, TaxCodeMax, "taxCode", "Mã số thuế", "The tax code");
        return errors;
    }

    /// <summary>
    /// The refusal a use case answers for bad applicant details: every problem, fields named under <paramref name="prefix"/>
    /// (<c>applicant.phone</c>) as in the use cases' requests; null when the details can be taken.
    /// </summary>
    public static DomainError? Refusal(ApplicantData? applicant, string prefix = "applicant.") =>
        DomainError.Every([.. Check(applicant ?? new ApplicantData("")).Select(e => e with { Field = prefix + e.Field })]);

    private static void Length(List<DomainError> errors, string? text, int max, string field, string vi, string en)
    {
        if (text is not null && text.Trim().Length > max)
            errors.Add(DomainError.Invalid(field, "too-long", $"{vi} dài tối đa {max} ký tự (đang có {text.Trim().Length}).",
                $"{en} must be at most {max} characters (it has {text.Trim().Length})."));
    }

    [GeneratedRegex(@"^\+?[0-9]+([ .\-][0-9]+)*$")]
    private static partial Regex SeparatedDigits();

    [GeneratedRegex("^0[35789][0-9]{8}$")]
    private static partial Regex Mobile();

    [GeneratedRegex("^02[0-9]{9}$")]
    private static partial Regex Landline();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex CitizenId();
}
