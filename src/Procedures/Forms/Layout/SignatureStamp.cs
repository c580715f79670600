using PdfSharp.Drawing;

namespace Procedures.Forms.Layout;

/// <summary>
/// The visible stamp of a digital signature, printed where the signer would sign by hand: who signed, their title, the agency
/// and the signing time. The signature's widget is laid over it (<see cref="Signatures.PdfSigner"/>).
/// </summary>
internal static class SignatureStamp
{
    public const double Width = 215, Height = 64;

    public static Signatures.StampPlace Draw(FormWriter w, string signerName, string signerTitle, string agency, DateTimeOffset signedAt, double x, double y)
    {
        var red = new XSolidBrush(XColor.FromArgb(0xB0, 0x1E, 0x23));
        var lines = new[]
        {
            $"Ký bởi: {signerName}",
            $"Chức vụ: {signerTitle.Replace('\n', ' ')}",
            $"Cơ quan: {agency}",
            $"Thời gian ký: {VietnameseFormat.InVietnam(signedAt).ToString("HH:mm:ss dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}",
        };
        var font = w.Font(8.5);
        for (var i = 0; i < lines.Length; i++)
            w.Graphics.DrawString(TextWrap.Normalize(lines[i]), font, red, x + 6, y + 6 + i * 13, XStringFormats.TopLeft);
        return new Signatures.StampPlace(w.PageIndex, x, y, Width, Height);
    }

    /// <summary>
    /// One signature box on the right, as <see cref="FormBlocks.Signatures"/> draws it, with the stamp in the room left for the
    /// hand signature; answers where the stamp is.
    /// </summary>
    public static Signatures.StampPlace SignedBox(this FormWriter w, Signature box, string agency, DateTimeOffset signedAt)
    {
        var (width, x) = (w.Width / 2, w.Left + w.Width / 2);
        w.Space(8);
        w.KeepTogether(3 * w.Font().GetHeight() + Height + 14);
        var y = w.Y;
        y += w.Block([w.Bold(box.Role)], x, y, width, Align.Center);
        y += w.Block([w.Italic("(Đã ký số)", 10)], x, y, width, Align.Center) + 4;
        var stamp = Draw(w, box.Name ?? "", box.Role, agency, signedAt, x + (width - Width) / 2, y);
        y += Height + 4;
        if (!string.IsNullOrWhiteSpace(box.Name))
            y += w.Block([w.Bold(box.Name!)], x, y, width, Align.Center);
        w.Y = y + 6;
        return stamp;
    }
}
