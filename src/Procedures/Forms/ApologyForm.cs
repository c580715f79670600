using Procedures.Forms.Layout;

namespace Procedures.Forms;

/// <summary>Form 04: apology and new appointment date for a dossier that will be late
/// (phiếu xin lỗi và hẹn lại ngày trả kết quả), issued by the unit that caused the delay.</summary>
/// <param name="Agency">The agency that received the dossier and speaks to the citizen.</param>
/// <param name="DelayingUnit">The unit that caused the delay, recorded for the on-time statistics.</param>
/// <param name="DigitallySigned">The signature box holds the digital signature's stamp (time: <paramref name="IssuedAt"/>).</param>
/// <param name="SignerTitle">E.g. "CHỦ TỊCH", "TRƯỞNG PHÒNG", or "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" on two lines.</param>
public sealed record ApologyForm(
    FormAgency Agency,
    string DossierCode,
    string ProcedureName,
    FormApplicant Applicant,
    DateTimeOffset ReceivedAt,
    DateTimeOffset OriginalAppointmentAt,
    DateTimeOffset NewAppointmentAt,
    string Reason,
    string DelayingUnit,
    string SignerTitle,
    string SignerName,
    DateTimeOffset IssuedAt,
    bool DigitallySigned = false);

internal static class ApologyLayout
{
    public static (byte[] Pdf, Signatures.StampPlace? Stamp) Render(ApologyForm f)
    {
        if (f.NewAppointmentAt <= f.OriginalAppointmentAt)
            throw new ArgumentException("The new appointment must be later than the original one.", nameof(f));

        var w = new FormWriter($"Phiếu xin lỗi và hẹn lại ngày trả kết quả {f.DossierCode}");
        w.Header(f.Agency, "Mẫu số 04", f.IssuedAt);
        w.Title("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ");

        w.Paragraph([w.Text("Kính gửi: ông/bà "), w.Bold(f.Applicant.FullName)], Align.Center, after: 8);
        w.Paragraph(w.Text($"Ngày {VietnameseFormat.Date(f.ReceivedAt)}, {f.Agency.Name} tiếp nhận hồ sơ đề nghị "),
            w.Bold(f.ProcedureName), w.Text(" của ông/bà. Mã hồ sơ: "), w.Bold(f.DossierCode), w.Text("."));
        w.Paragraph(w.Text("Thời hạn trả kết quả giải quyết hồ sơ: "), w.Bold(VietnameseFormat.TimeAndDate(f.OriginalAppointmentAt)), w.Text("."));
        w.Paragraph(w.Text($"Tuy nhiên đến nay, {f.DelayingUnit} chưa giải quyết xong hồ sơ của ông/bà."));
        w.Paragraph(w.Bold("Lý do: "), w.Text(f.Reason));
        w.Paragraph(w.Bold("Đơn vị để chậm trễ: "), w.Text(f.DelayingUnit));
        w.Paragraph(w.Text($"Sự chậm trễ này đã gây phiền hà cho ông/bà. {f.DelayingUnit} xin lỗi ông/bà và hẹn lại thời gian trả kết quả vào lúc "),
            w.Bold(VietnameseFormat.TimeAndDate(f.NewAppointmentAt)), w.Text("."));
        w.Paragraph(w.Text("Rất mong nhận được sự thông cảm của ông/bà."));

        var box = new Signature(f.SignerTitle, f.SignerName, "(Ký, ghi rõ họ tên và đóng dấu)");
        if (!f.DigitallySigned)
        {
            w.Signatures(box);
            return (w.Finish(), null);
        }
        var stamp = w.SignedBox(box, f.Agency.Name, f.IssuedAt);
        return (w.Finish(), stamp);
    }
}
