using PdfSharp.Drawing;

namespace Procedures.Forms.Layout;

/// <summary>A signature box: the role in capitals, the note in brackets, room to sign, then the name.</summary>
internal sealed record Signature(string Role, string? Name, string Note = "(Ký và ghi rõ họ tên)");

/// <summary>The fixed parts of the Circular 01/2018/TT-VPCP forms: header, title, signatures.</summary>
internal static class FormBlocks
{
    public const string Nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string Motto = "Độc lập - Tự do - Hạnh phúc";

    /// <summary>Form number top-right; agency top-left (governing agency above, in capitals); national
    /// header top-right; then the place and date line under it when <paramref name="dated"/> is given.</summary>
    public static void Header(this FormWriter w, FormAgency agency, string formNumber, DateTimeOffset? dated)
    {
        w.Block([w.BoldItalic(formNumber, 10)], w.Left, w.Y - 12, w.Width, Align.Right);

        var leftWidth = w.Width * 0.42;
        var rightX = w.Left + leftWidth;
        var rightWidth = w.Width - leftWidth;
        var top = w.Y;

        var left = top;
        if (!string.IsNullOrWhiteSpace(agency.ParentName))
            left += w.Block([w.Text(agency.ParentName.ToUpperInvariant(), 10.5)], w.Left, left, leftWidth - 6, Align.Center);
        left += w.Block([w.Bold(agency.Name.ToUpperInvariant(), 10.5)], w.Left, left, leftWidth - 6, Align.Center);
        w.Rule(w.Left + leftWidth / 2 - 30, left + 2, 60);

        var right = top;
        right += w.Block([w.Bold(Nation, 10.5)], rightX, right, rightWidth, Align.Center);
        var motto = w.Bold(Motto, 11.5);
        right += w.Block([motto], rightX, right, rightWidth, Align.Center);
        var mottoWidth = TextWrap.Measure(w.Graphics, Motto, motto.Font);
        w.Rule(rightX + (rightWidth - mottoWidth) / 2, right + 2, mottoWidth);

        w.Y = Math.Max(left, right) + 10;
        if (dated is { } date)
        {
            var line = VietnameseFormat.DocumentDate(date);
            line = string.IsNullOrWhiteSpace(agency.Place) ? char.ToUpperInvariant(line[0]) + line[1..] : $"{agency.Place}, {line}";
            w.Y += w.Block([w.Italic(line)], rightX, w.Y, rightWidth, Align.Center);
        }
        w.Space(14);
    }

    public static void Title(this FormWriter w, string title, string? subtitle = null)
    {
        w.Paragraph([w.Bold(title, 13)], Align.Center, after: 2);
        if (subtitle is not null)
            w.Paragraph([w.Italic(subtitle)], Align.Center, after: 2);
        w.Space(8);
    }

    /// <summary>"Label: value" with the value in bold.</summary>
    public static void Field(this FormWriter w, string label, string? value, bool bold = true)
    {
        if (string.IsNullOrWhiteSpace(value))
            return;
        w.Paragraph([w.Text(label + ": "), bold ? w.Bold(value) : w.Text(value)], Align.Left);
    }

    /// <summary>One box on the right, or boxes side by side; kept whole on one page.</summary>
    public static void Signatures(this FormWriter w, params Signature[] boxes)
    {
        const double room = 56;
        var width = boxes.Length == 1 ? w.Width / 2 : w.Width / boxes.Length;
        var x0 = boxes.Length == 1 ? w.Left + w.Width / 2 : w.Left;
        w.Space(8);
        w.KeepTogether(3 * w.Font().GetHeight() + room + 6);
        var bottom = w.Y;
        for (var i = 0; i < boxes.Length; i++)
        {
            var x = x0 + i * width;
            var y = w.Y;
            y += w.Block([w.Bold(boxes[i].Role)], x, y, width, Align.Center);
            y += w.Block([w.Italic(boxes[i].Note, 10)], x, y, width, Align.Center);
            y += room;
            if (!string.IsNullOrWhiteSpace(boxes[i].Name))
                y += w.Block([w.Bold(boxes[i].Name!)], x, y, width, Align.Center);
            bottom = Math.Max(bottom, y);
        }
        w.Y = bottom + 6;
    }

    /// <summary>"Ông/Bà" details of the applicant, skipping what is unknown.</summary>
    public static void Applicant(this FormWriter w, FormApplicant applicant)
    {
        w.Field("Ông/Bà", applicant.FullName);
        w.Field("Số định danh cá nhân/CCCD", applicant.IdNumber, bold: false);
        w.Field("Địa chỉ", applicant.Address, bold: false);
        w.Field("Số điện thoại", applicant.Phone, bold: false);
        w.Field("Email", applicant.Email, bold: false);
    }
}
