using Procedures.Catalogue;
using Procedures.Dossiers;
using Procedures.Forms;
using Procedures.Organisation;

namespace Procedures.Documents;

/// <summary>Entities onto the forms' plain records, and the Vietnamese words the forms print for the domain's enums.</summary>
internal static class FormMapping
{
    /// <summary>The unit printed in the header: its own name under its parent's, with its code, address and phone.</summary>
    public static FormAgency Agency(Unit unit, Unit? parent) => new(unit.Name, parent?.Name, unit.Code, unit.Address, unit.Phone);

    public static FormApplicant Applicant(ApplicantData a) => new(a.FullName, a.IdNumber, a.Phone, a.Email, a.Address);

    /// <summary>Wall-clock time in Vietnam, whatever offset the database handed back.</summary>
    public static DateTimeOffset Vn(DateTimeOffset at) => VietnameseFormat.InVietnam(at);

    public static DateTimeOffset? Vn(DateTimeOffset? at) => at is { } value ? Vn(value) : null;

    public static string Vietnamese(this DocumentForm form) => form switch
    {
        DocumentForm.Original => "Bản chính",
        DocumentForm.Copy => "Bản sao",
        DocumentForm.CertifiedCopy => "Bản sao chứng thực",
        DocumentForm.OriginalForInspection => "Bản chính để đối chiếu",
        _ => form.ToString(),
    };

    /// <summary>Where the result is handed over, after the receipt's "Đăng ký nhận kết quả tại:"; at the counter, the receiving unit's.</summary>
    public static string Vietnamese(this Channel channel, string receivingUnit) => channel switch
    {
        Channel.Counter => receivingUnit,
        Channel.Post => "Qua dịch vụ bưu chính công ích",
        Channel.Online => "Cổng dịch vụ công (trực tuyến)",
        _ => channel.ToString(),
    };

    /// <summary>The column of Form 05: "Trước hạn", "Đúng hạn", "Quá hạn".</summary>
    public static string Vietnamese(this Timeliness timeliness) => timeliness switch
    {
        Timeliness.Early => "Trước hạn",
        Timeliness.OnTime => "Đúng hạn",
        Timeliness.Late => "Quá hạn",
        _ => timeliness.ToString(),
    };
}
