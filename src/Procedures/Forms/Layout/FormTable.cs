using PdfSharp.Drawing;

namespace Procedures.Forms.Layout;

/// <summary>A column: its header, its share of the table width, and how its cells are aligned.</summary>
internal sealed record TableColumn(string Header, double Share, Align Align = Align.Left);

/// <summary>A bordered table whose cells wrap; rows continue on new pages under a repeated header, and a row
/// taller than a whole page is split rather than cut off.</summary>
internal sealed class FormTable(FormWriter writer, IReadOnlyList<TableColumn> columns, double fontSize = 9)
{
    const double Padding = 3;
    static readonly XPen Border = new(XColors.Black, 0.5);
    static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(235, 235, 235));

    readonly double[] _widths = Widths(writer.Width, columns);
    IReadOnlyList<TextLine>[]? _header;
    bool _headerOnPage;

    public void Rows(IEnumerable<IReadOnlyList<string>> rows)
    {
        foreach (var row in rows)
            Row(row);
        writer.Space(6);
    }

    void Row(IReadOnlyList<string> cells)
    {
        if (cells.Count != columns.Count)
            throw new ArgumentException($"Row has {cells.Count} cells for {columns.Count} columns.", nameof(cells));
        var font = writer.Font(fontSize);
        var lines = cells.Select((text, i) => TextWrap.Wrap(writer.Graphics, [new TextRun(text, font)], _widths[i] - 2 * Padding)).ToArray();
        var lineHeight = font.GetHeight();
        var header = _header ??= HeaderLines();
        var headerLineHeight = writer.Font(fontSize, XFontStyleEx.Bold).GetHeight();
        var headerHeight = Height(header, headerLineHeight);
        var total = lines.Max(c => c.Count);

        var from = 0;
        while (from < total)
        {
            var headerNeeded = _headerOnPage ? 0 : headerHeight;
            var rest = (total - from) * lineHeight + 2 * Padding;
            if (headerNeeded + rest > writer.Remaining && !writer.AtPageTop)
            {
                // Keep a row whole on the next page when it fits on one; split only a row taller than a page.
                var fitsOnFreshPage = rest <= writer.Bottom - writer.Top - headerHeight;
                var noLineFitsHere = headerNeeded + lineHeight + 2 * Padding > writer.Remaining;
                if (fitsOnFreshPage || noLineFitsHere)
                {
                    NewPage();
                    continue;
                }
            }
            if (!_headerOnPage)
            {
                DrawRow(header, 0, header.Max(c => c.Count), headerLineHeight, HeaderFill, centred: true);
                _headerOnPage = true;
            }
            var fitting = (int)Math.Floor((writer.Remaining - 2 * Padding) / lineHeight);
            var take = Math.Clamp(fitting, 1, total - from);
            DrawRow(lines, from, take, lineHeight, fill: null, centred: false);
            from += take;
            if (from < total)
                NewPage();
        }
    }

    void NewPage()
    {
        writer.NewPage();
        _headerOnPage = false;
    }

    IReadOnlyList<TextLine>[] HeaderLines()
    {
        var bold = writer.Font(fontSize, XFontStyleEx.Bold);
        return columns.Select((c, i) => TextWrap.Wrap(writer.Graphics, [new TextRun(c.Header, bold)], _widths[i] - 2 * Padding)).ToArray();
    }

    static double Height(IReadOnlyList<TextLine>[] cells, double lineHeight) =>
        cells.Max(c => c.Count) * lineHeight + 2 * Padding;

    void DrawRow(IReadOnlyList<TextLine>[] cells, int from, int count, double lineHeight, XBrush? fill, bool centred)
    {
        var height = count * lineHeight + 2 * Padding;
        var x = writer.Left;
        for (var i = 0; i < cells.Length; i++)
        {
            var rect = new XRect(x, writer.Y, _widths[i], height);
            if (fill is not null)
                writer.Graphics.DrawRectangle(fill, rect);
            writer.Graphics.DrawRectangle(Border, rect);
            var y = writer.Y + Padding;
            foreach (var line in cells[i].Skip(from).Take(count))
            {
                writer.DrawLine(line, x + Padding, y, _widths[i] - 2 * Padding, centred ? Align.Center : columns[i].Align);
                y += lineHeight;
            }
            x += _widths[i];
        }
        writer.Y += height;
    }

    static double[] Widths(double total, IReadOnlyList<TableColumn> columns)
    {
        var shares = columns.Sum(c => c.Share);
        return columns.Select(c => total * c.Share / shares).ToArray();
    }
}
