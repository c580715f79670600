using Procedures.Forms.Layout;

namespace Procedures.Forms;

/// <summary>Form 03: refusal to receive or settle a dossier, with the reason in writing
/// (phiếu từ chối tiếp nhận giải quyết hồ sơ).</summary>
/// <param name="DossierCode">Null when the dossier was refused at the counter before it got a code.</param>
/// <param name="ReceivingClerk">Whoever signs the form: the receiving clerk on a printed form, the refusing official on a signed one.</param>
/// <param name="SignerTitle">Printed above the name: the clerk's role at the counter, the official's title during processing.</param>
/// <param name="DigitallySigned">The signature box holds the digital signature's stamp (time: <paramref name="IssuedAt"/>).</param>
public sealed record RefusalForm(
    FormAgency Agency,
    string? DossierCode,
    string ProcedureName,
    FormApplicant Applicant,
    string Reason,
    string ReceivingClerk,
    DateTimeOffset IssuedAt,
    string SignerTitle = RefusalForm.ClerkTitle,
    bool DigitallySigned = false)
{
    public const string ClerkTitle = "NGƯỜI TIẾP NHẬN HỒ SƠ";
}

internal static class RefusalLayout
{
    public static (byte[] Pdf, Signatures.StampPlace? Stamp) Render(RefusalForm f)
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

        var box = new Signature(f.SignerTitle, f.ReceivingClerk);
        if (!f.DigitallySigned)
        {
            w.Signatures(box);
            return (w.Finish(), null);
        }
        var stamp = w.SignedBox(box, f.Agency.Name, f.IssuedAt);
        return (w.Finish(), stamp);
    }
}
