using PdfSharp.Drawing;
using Procedures.Forms.Layout;

namespace Procedures.Forms;

/// <summary>
/// The electronic result of a dossier (thông báo kết quả giải quyết thủ tục hành chính), signed by the leader or the
/// deputy signing on the leader's behalf (KT.). The signature's visible stamp is printed in the signature block with
/// the signer's name, title, unit and the signing time; the QR code leads to the public verification page.
/// </summary>
/// <param name="SignerTitle">As printed above the name: "CHỦ TỊCH", or "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH".</param>
/// <param name="SignedAt">The server's clock when the step is signed: the same instant goes into the CMS signing time.</param>
public sealed record ResultForm(
    FormAgency Agency,
    string DossierCode,
    string ProcedureName,
    FormApplicant Applicant,
    string Decision,
    string SignerTitle,
    string SignerName,
    DateTimeOffset SignedAt,
    Uri VerificationLink);

/// <summary>A rendered form to sign and where its signature stamp is, for <see cref="Signatures.PdfSigner"/>.</summary>
public sealed record RenderedForm(byte[] Pdf, Signatures.StampPlace Stamp);

internal static class ResultLayout
{
    const double QrSize = 72, StampWidth = SignatureStamp.Width, StampHeight = SignatureStamp.Height;

    public static RenderedForm Render(ResultForm f)
    {
        var w = new FormWriter($"Kết quả giải quyết hồ sơ {f.DossierCode}", footerNote: $"Hồ sơ {f.DossierCode}");
        w.Header(f.Agency, "Văn bản điện tử", f.SignedAt);
        w.Title("THÔNG BÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH");
        w.Field("Mã hồ sơ", f.DossierCode);
        w.Paragraph(w.Text($"{f.Agency.Name} thông báo kết quả giải quyết hồ sơ của:"));
        w.Applicant(f.Applicant with { Phone = null, Email = null });
        w.Field("Thủ tục hành chính", f.ProcedureName);
        w.Field("Kết quả", f.Decision);
        w.Paragraph(w.Italic("Văn bản này được ký số; kiểm tra chữ ký tại trang xác thực hoặc bằng mã QR bên dưới.", 10));

        w.KeepTogether(StampHeight + 90);
        var top = w.Y + 8;
        var x = w.Left + w.Width / 2;
        var y = top + w.Block([w.Bold(f.SignerTitle.ToUpperInvariant())], x, top, w.Width / 2, Align.Center) + 4;
        var stampX = x + (w.Width / 2 - StampWidth) / 2;
        var stamp = SignatureStamp.Draw(w, f.SignerName, f.SignerTitle, f.Agency.Name, f.SignedAt, stampX, y);
        y += StampHeight + 4;
        y += w.Block([w.Bold(f.SignerName)], x, y, w.Width / 2, Align.Center);

        using var qr = XImage.FromStream(new MemoryStream(ReceiptLayout.QrPng(f.VerificationLink.AbsoluteUri)));
        qr.Interpolate = false;
        w.Graphics.DrawImage(qr, w.Left, top, QrSize, QrSize);
        w.Block([w.Italic("Quét mã để xác thực", 8)], w.Left - 10, top + QrSize, QrSize + 20, Align.Center);
        w.Y = Math.Max(y, top + QrSize + 12) + 6;
        return new RenderedForm(w.Finish(), stamp);
    }
}
