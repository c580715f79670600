using Procedures.Forms.Layout;

namespace Procedures.Forms;

/// <summary>Form 03: refusal to receive or settle a dossier, with the reason in writing
/// (phiếu từ chối tiếp nhận giải quyết hồ sơ).</summary>
/// <param name="DossierCode">Null when the dossier was refused at the counter before it got a code.</param>
public sealed record RefusalForm(
    FormAgency Agency,
    string? DossierCode,
    string ProcedureName,
    FormApplicant Applicant,
    string Reason,
    string ReceivingClerk,
    DateTimeOffset IssuedAt);

internal static class RefusalLayout
{
    public static byte[] Render(RefusalForm f)
    {
        if (string.IsNullOrWhiteSpace(f.Reason))
            throw new ArgumentException("A refusal states its reason.", nameof(f));

        var w = new FormWriter("Phiếu từ chối tiếp nhận giải quyết hồ sơ" + (f.DossierCode is null ? "" : " " + f.DossierCode));
        w.Header(f.Agency, "Mẫu số 03", f.IssuedAt);
        w.Title("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");

        w.Field("Mã hồ sơ", f.DossierCode);
        w.Paragraph(w.Text($"{f.Agency.Name} tiếp nhận hồ sơ của:"));
        w.Applicant(f.Applicant);
        w.Field("Nội dung yêu cầu giải quyết", f.ProcedureName);

        w.Space(4);
        w.Paragraph(w.Text($"Qua xem xét, {f.Agency.Name} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:"));
        w.Paragraph([w.Bold(f.Reason)], Align.Left, indent: 14, after: 6);
        w.Paragraph(w.Text("Xin thông báo cho ông/bà được biết và thực hiện./."));

        w.Signatures(new Signature("NGƯỜI TIẾP NHẬN HỒ SƠ", f.ReceivingClerk));
        return w.Finish();
    }
}
