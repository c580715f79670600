using Procedures.Forms.Layout;

namespace Procedures.Forms;

/// <summary>Form 02: request to supplement or complete a dossier (phiếu yêu cầu bổ sung, hoàn thiện hồ sơ).
/// Lists every missing item at once: the citizen must not be sent back more than once for the same dossier.</summary>
/// <param name="DossierCode">Null when the dossier was not registered yet (checked at the counter).</param>
/// <param name="DueAt">Until when the completed dossier is expected.</param>
/// <param name="Guide">The clerk or specialist who explains the request and answers questions.</param>
/// <param name="Round">1 for the request at reception; 2 or more for later requests during processing.</param>
public sealed record SupplementRequestForm(
    FormAgency Agency,
    string? DossierCode,
    string ProcedureName,
    FormApplicant Applicant,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<string> MissingItems,
    string Reason,
    DateTimeOffset DueAt,
    string Guide,
    DateTimeOffset IssuedAt,
    int Round = 1);

internal static class SupplementRequestLayout
{
    public static byte[] Render(SupplementRequestForm f)
    {
        if (f.MissingItems.Count == 0)
            throw new ArgumentException("A supplement request lists at least one missing item.", nameof(f));

        var w = new FormWriter("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ" + (f.DossierCode is null ? "" : " " + f.DossierCode));
        w.Header(f.Agency, "Mẫu số 02", f.IssuedAt);
        w.Title("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", $"({VietnameseFormat.Round(f.Round)})");

        w.Field("Mã hồ sơ", f.DossierCode);
        w.Paragraph(w.Text($"{f.Agency.Name} đã tiếp nhận hồ sơ vào lúc {VietnameseFormat.TimeAndDate(f.ReceivedAt)} của:"));
        w.Applicant(f.Applicant);
        w.Field("Nội dung yêu cầu giải quyết", f.ProcedureName);

        w.Space(4);
        w.Paragraph(w.Bold("Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:"));
        for (var i = 0; i < f.MissingItems.Count; i++)
            w.Item($"{i + 1}.", [w.Text(f.MissingItems[i])]);

        w.Space(4);
        w.Paragraph(w.Bold("Lý do: "), w.Text(f.Reason));
        w.Paragraph(w.Text("Đề nghị ông/bà nộp hồ sơ đã bổ sung, hoàn thiện trước "), w.Bold(VietnameseFormat.TimeAndDate(f.DueAt)), w.Text("."));
        var contact = string.IsNullOrWhiteSpace(f.Agency.Phone) ? f.Guide : $"{f.Guide}, số điện thoại {f.Agency.Phone}";
        w.Paragraph(w.Text($"Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ {contact} để được hướng dẫn."));

        w.Signatures(new Signature("NGƯỜI HƯỚNG DẪN", f.Guide));
        return w.Finish();
    }
}
