using PdfSharp.Drawing;
using Procedures.Forms.Layout;
using QRCoder;

namespace Procedures.Forms;

/// <summary>Form 01: receipt of a complete dossier with the appointment for the result (giấy tiếp nhận hồ sơ và hẹn trả kết quả).</summary>
/// <param name="Fee">Fees and charges in đồng; 0 prints "Không thu".</param>
/// <param name="ReturnChannel">Where the result is returned: "Tại Bộ phận Một cửa", "Qua dịch vụ bưu chính", ...</param>
/// <param name="TrackingUrl">The portal's tracking page; the QR code adds the dossier code to it.</param>
/// <param name="Digitised">Scans confirmed as digitised originals; the receipt lists them after the documents when there are any.</param>
public sealed record ReceiptForm(
    FormAgency Agency,
    string DossierCode,
    string ProcedureName,
    FormApplicant Applicant,
    IReadOnlyList<FormDocumentLine> Documents,
    DateTimeOffset ReceivedAt,
    DateTimeOffset AppointmentAt,
    decimal Fee,
    string ReturnChannel,
    string ReceivingClerk,
    Uri TrackingUrl,
    IReadOnlyList<FormDigitisedLine>? Digitised = null)
{
    /// <summary>What the QR code holds: the tracking page with the dossier code only, never personal data,
    /// because public tracking asks for a second factor before showing anything.</summary>
    public Uri TrackingLink => TrackingLinks.For(TrackingUrl, DossierCode);
}

internal static class ReceiptLayout
{
    const double QrSize = 86;

    public static byte[] Render(ReceiptForm f)
    {
        var w = new FormWriter($"Giấy tiếp nhận hồ sơ và hẹn trả kết quả {f.DossierCode}");
        w.Header(f.Agency, "Mẫu số 01", f.ReceivedAt);
        w.Title("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
        Code(w, f);

        w.Paragraph(w.Text($"{f.Agency.Name} tiếp nhận hồ sơ của:"));
        w.Applicant(f.Applicant);
        w.Field("Nội dung yêu cầu giải quyết", f.ProcedureName);

        w.Paragraph(w.Bold("1. Thành phần hồ sơ nộp gồm:"));
        new FormTable(w,
        [
            new("STT", 0.6, Align.Center), new("Tên giấy tờ", 5), new("Hình thức", 1.8, Align.Center),
            new("Số lượng", 1, Align.Center), new("Ghi chú", 1.4, Align.Center),
        ]).Rows(f.Documents.Select((d, i) => (IReadOnlyList<string>)
            [$"{i + 1}", d.Name, d.Form, $"{d.Copies:00}", d.Provided ? "" : "Chưa nộp"]));
        if (f.Digitised is { Count: > 0 } digitised)
        {
            w.Paragraph(w.Bold("Bản số hóa từ bản gốc:"));
            new FormTable(w,
            [
                new("STT", 0.6, Align.Center), new("Tên giấy tờ", 4.4), new("Mã SHA-256", 2.4, Align.Center), new("Số hóa bởi", 2.4, Align.Center),
            ]).Rows(digitised.Select((d, i) => (IReadOnlyList<string>)[$"{i + 1}", d.Name, d.ShortSha256, d.DigitisedBy]));
        }

        w.Paragraph(w.Bold("2. Thời gian nhận hồ sơ: "), w.Text(VietnameseFormat.TimeAndDate(f.ReceivedAt)));
        w.Paragraph(w.Bold("3. Thời gian trả kết quả giải quyết hồ sơ: "), w.Bold(VietnameseFormat.TimeAndDate(f.AppointmentAt)));
        w.Paragraph(w.Bold("4. Phí, lệ phí: "), w.Text(f.Fee == 0 ? "Không thu" : VietnameseFormat.Money(f.Fee)));
        w.Paragraph(w.Bold("5. Đăng ký nhận kết quả tại: "), w.Text(f.ReturnChannel));
        w.Paragraph([w.Italic("Khi đến nhận kết quả, ông/bà vui lòng mang theo giấy này. Tra cứu tình trạng hồ sơ bằng mã hồ sơ " +
            $"hoặc quét mã QR tại {f.TrackingUrl}", 10)]);

        w.Signatures(new Signature("NGƯỜI NỘP HỒ SƠ", f.Applicant.FullName), new Signature("NGƯỜI TIẾP NHẬN HỒ SƠ", f.ReceivingClerk));
        return w.Finish();
    }

    // The code is printed large beside the QR so a citizen without a phone can still read it out or type it.
    static void Code(FormWriter w, ReceiptForm f)
    {
        var top = w.Y;
        var textWidth = w.Width - QrSize - 12;
        var y = top + 14;
        y += w.Block([w.Text("Mã hồ sơ:")], w.Left, y, textWidth, Align.Center);
        y += w.Block([w.Bold(f.DossierCode, 17)], w.Left, y, textWidth, Align.Center);
        y += w.Block([w.Italic("(Dùng mã này để tra cứu và nhận kết quả)", 9.5)], w.Left, y, textWidth, Align.Center);

        using var qr = XImage.FromStream(new MemoryStream(QrPng(f.TrackingLink.AbsoluteUri)));
        qr.Interpolate = false; // keep module edges sharp when a viewer scales the image
        w.Graphics.DrawImage(qr, w.Right - QrSize, top, QrSize, QrSize);
        var caption = w.Block([w.Italic("Quét mã để tra cứu", 8)], w.Right - QrSize - 10, top + QrSize, QrSize + 20, Align.Center);

        w.Y = Math.Max(y, top + QrSize + caption) + 8;
    }

    internal static byte[] QrPng(string payload)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        // Black and white as a 1-bit palette: PDFsharp's PNG reader rejects QRCoder's default 1-bit greyscale.
        return new PngByteQRCode(data).GetGraphic(8, darkColorRgba: [0, 0, 0, 255], lightColorRgba: [255, 255, 255, 255]);
    }
}
