using Procedures.Dossiers;

namespace Api.Ui;

/// <summary>The applicant fields of the reception desk and the online submission, checked before the use case sees them.</summary>
public sealed class ApplicantForm
{
    public string? FullName { get; set; }
    public string? IdNumber { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }

    /// <summary>The first thing missing or malformed, in the UI's language; null when the form can be sent.</summary>
    public string? Check()
    {
        var en = UiServices.IsEnglish;
        if (string.IsNullOrWhiteSpace(FullName)) return en ? "Enter the applicant's full name." : "Vui lòng nhập họ tên người nộp hồ sơ.";
        if (!string.IsNullOrWhiteSpace(Phone) && !Phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '+'))
            return en ? "The phone number is not valid." : "Số điện thoại không hợp lệ.";
        if (!string.IsNullOrWhiteSpace(IdNumber) && !IdNumber.All(char.IsAsciiLetterOrDigit))
            return en ? "The identity number holds letters and digits only." : "Số giấy tờ chỉ gồm chữ và số.";
        if (!string.IsNullOrWhiteSpace(Email) && !System.Net.Mail.MailAddress.TryCreate(Email, out _))
            return en ? "The e-mail address is not valid." : "Thư điện tử không hợp lệ.";
        return null;
    }

    public ApplicantData ToData() => new(FullName!.Trim(), Blank(IdNumber), Blank(Phone), Blank(Email), Blank(Address));

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
