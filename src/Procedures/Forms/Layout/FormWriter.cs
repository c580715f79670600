using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Procedures.Forms.Layout;

internal enum Align { Left, Center, Right }

/// <summary>Flows text down A4 pages, opening a new page when one is full, and numbers the pages
/// ("Trang x/y") once the total is known.</summary>
internal sealed class FormWriter
{
    public const double BodySize = 11;
    static readonly double Mm = 72 / 25.4;

    readonly PdfDocument _document;
    readonly List<XGraphics> _pages = [];
    readonly Dictionary<(double Size, XFontStyleEx Style), XFont> _fonts = [];
    readonly bool _landscape;
    readonly string? _footerNote;

    /// <param name="footerNote">Printed beside the page number on every page, so loose pages can be matched to their dossier.</param>
    public FormWriter(string title, bool landscape = false, string? footerNote = null)
    {
        PdfSharpSetup.Ensure(); // before the first font is made: PDFsharp takes its font resolver once
        _document = new PdfDocument();
        _landscape = landscape;
        _footerNote = footerNote;
        _document.Info.Title = title;
        _document.Info.Creator = "ISO điện tử";
        _document.Options.CompressContentStreams = true;
        // Official documents (Decree 30/2020): left 30–35 mm for binding, right 15–20 mm, top and bottom 20–25 mm.
        Left = (landscape ? 20 : 30) * Mm;
        Top = (landscape ? 15 : 20) * Mm;
        PageWidth = (landscape ? 297 : 210) * Mm;
        PageHeight = (landscape ? 210 : 297) * Mm;
        Right = PageWidth - 15 * Mm;
        Bottom = PageHeight - (landscape ? 18 : 22) * Mm;
        NewPage();
    }

    public double PageWidth { get; }
    public double PageHeight { get; }
    public double Left { get; }
    public double Right { get; }
    public double Top { get; }
    public double Bottom { get; }
    public double Width => Right - Left;
    public double Y { get; set; }
    public double Remaining => Bottom - Y;
    public bool AtPageTop => Y <= Top + 0.5;
    public XGraphics Graphics => _pages[^1];
    /// <summary>The page being written, zero-based (where a signature stamp drawn now will be).</summary>
    public int PageIndex => _pages.Count - 1;

    public XFont Font(double size = BodySize, XFontStyleEx style = XFontStyleEx.Regular)
    {
        if (!_fonts.TryGetValue((size, style), out var font))
        {
            // Unicode encoding: the Vietnamese letters are outside WinAnsi and must map back to text for copy and search.
            // Whole font file: PDFsharp's subsetter drops the parts of nested composite glyphs (empira/PDFsharp#348),
            // which loses the dot below (ạ, ộ, ự) and the breve with a tone (ằ, ặ) while the text layer stays right.
            font = new XFont(FormFontResolver.Serif, size, style,
                new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile));
            _fonts[(size, style)] = font;
        }
        return font;
    }

    public TextRun Text(string text, double size = BodySize) => new(text, Font(size));
    public TextRun Bold(string text, double size = BodySize) => new(text, Font(size, XFontStyleEx.Bold));
    public TextRun Italic(string text, double size = BodySize) => new(text, Font(size, XFontStyleEx.Italic));
    public TextRun BoldItalic(string text, double size = BodySize) => new(text, Font(size, XFontStyleEx.BoldItalic));

    public void NewPage()
    {
        var page = _document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        _pages.Add(XGraphics.FromPdfPage(page));
        Y = Top;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits (or the page is empty anyway).</summary>
    public void KeepTogether(double height)
    {
        if (height > Remaining && !AtPageTop)
            NewPage();
    }

    public void Space(double points) => Y += points;

    /// <summary>A wrapped paragraph that may continue on the next page, line by line.</summary>
    public void Paragraph(IReadOnlyList<TextRun> runs, Align align = Align.Left, double indent = 0, double after = 4)
    {
        foreach (var line in TextWrap.Wrap(Graphics, runs, Width - indent))
        {
            KeepTogether(line.Height);
            DrawLine(line, Left + indent, Y, Width - indent, align);
            Y += line.Height;
        }
        Y += after;
    }

    public void Paragraph(params TextRun[] runs) => Paragraph(runs, Align.Left);

    /// <summary>A numbered item with a hanging indent: "1. " then text aligned under the first word.</summary>
    public void Item(string label, IReadOnlyList<TextRun> runs, double indent = 14, double after = 2)
    {
        var labelRun = Text(label);
        var labelWidth = Math.Max(TextWrap.Measure(Graphics, label + " ", labelRun.Font), 18);
        var lines = TextWrap.Wrap(Graphics, runs, Width - indent - labelWidth);
        for (var i = 0; i < lines.Count; i++)
        {
            KeepTogether(lines[i].Height);
            if (i == 0)
                Graphics.DrawString(label, labelRun.Font, XBrushes.Black, Left + indent, Y, XStringFormats.TopLeft);
            DrawLine(lines[i], Left + indent + labelWidth, Y, Width - indent - labelWidth, align: Align.Left);
            Y += lines[i].Height;
        }
        Y += after;
    }

    /// <summary>Wrapped text in a fixed box on the current page (header columns, signature blocks); returns its height.</summary>
    public double Block(IReadOnlyList<TextRun> runs, double x, double y, double width, Align align)
    {
        var top = y;
        foreach (var line in TextWrap.Wrap(Graphics, runs, width))
        {
            DrawLine(line, x, y, width, align);
            y += line.Height;
        }
        return y - top;
    }

    public void DrawLine(TextLine line, double x, double y, double width, Align align)
    {
        var cursor = align switch
        {
            Align.Center => x + (width - line.Width) / 2,
            Align.Right => x + width - line.Width,
            _ => x,
        };
        foreach (var segment in line.Segments)
        {
            // Smaller text on a line with larger text sits on the same baseline.
            var drop = line.Height - segment.Font.GetHeight();
            Graphics.DrawString(segment.Text, segment.Font, XBrushes.Black, cursor, y + drop * 0.8, XStringFormats.TopLeft);
            cursor += segment.Width;
        }
    }

    public void Rule(double x, double y, double width) =>
        Graphics.DrawLine(new XPen(XColors.Black, 0.6), x, y, x + width, y);

    /// <summary>Numbers the pages and returns the PDF.</summary>
    public byte[] Finish()
    {
        var font = Font(8.5);
        for (var i = 0; i < _pages.Count; i++)
        {
            var graphics = _pages[i];
            var y = PageHeight - (_landscape ? 11 : 13) * Mm;
            graphics.DrawString($"Trang {i + 1}/{_pages.Count}", font, XBrushes.Black, Right, y, XStringFormats.TopRight);
            if (_footerNote is not null)
                graphics.DrawString(TextWrap.Normalize(_footerNote), font, XBrushes.Black, Left, y, XStringFormats.TopLeft);
            graphics.Dispose();
        }
        using var output = new MemoryStream();
        _document.Save(output, closeStream: false);
        return output.ToArray();
    }
}
