using ClosedXML.Excel;

namespace Procedures.Reports;

/// <summary>One titled sheet of a table: what every list and report exports to Excel. Numbers stay numbers so they can be summed.</summary>
public static class ExcelExport
{
    public sealed record Sheet(string Name, string Title, string? Subtitle, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Rows);

    public static byte[] Workbook(params Sheet[] sheets)
    {
        using var workbook = new XLWorkbook();
        foreach (var sheet in sheets) Write(workbook.Worksheets.Add(SafeName(sheet.Name)), sheet);
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    /// <summary>Row of the headers in every sheet (title on row 1, subtitle on row 2): readers find the data below it.</summary>
    public const int HeaderRow = 4;

    private static void Write(IXLWorksheet ws, Sheet sheet)
    {
        ws.Cell(1, 1).Value = sheet.Title;
        ws.Cell(1, 1).Style.Font.Bold = true;
        ws.Cell(1, 1).Style.Font.FontSize = 13;
        if (sheet.Subtitle is not null) ws.Cell(2, 1).Value = sheet.Subtitle;
        for (var c = 0; c < sheet.Headers.Count; c++)
        {
            var cell = ws.Cell(HeaderRow, c + 1);
            cell.Value = sheet.Headers[c];
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = XLColor.LightGray;
            cell.Style.Alignment.WrapText = true;
        }
        var r = HeaderRow;
        foreach (var row in sheet.Rows)
        {
            r++;
            for (var c = 0; c < row.Count; c++) Set(ws.Cell(r, c + 1), row[c]);
        }
        if (r > HeaderRow) ws.Range(HeaderRow, 1, r, sheet.Headers.Count).Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        ws.Range(HeaderRow, 1, Math.Max(r, HeaderRow), sheet.Headers.Count).Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        // ClosedXML's AdjustToContents measures with System.Drawing, which Linux servers lack: widths from text lengths instead.
        for (var c = 1; c <= sheet.Headers.Count; c++)
        {
            var longest = Enumerable.Range(HeaderRow, r - HeaderRow + 1).Max(row => ws.Cell(row, c).GetString().Length);
            ws.Column(c).Width = Math.Clamp(longest + 2, 8, 60);
        }
        ws.SheetView.FreezeRows(HeaderRow);
    }

    private static void Set(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null: break;
            case int or long or decimal or double: cell.Value = Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case DateOnly d: cell.Value = d.ToDateTime(TimeOnly.MinValue); cell.Style.DateFormat.Format = "dd/MM/yyyy"; break;
            case DateTimeOffset t: cell.Value = Common.VietnamTime.Local(t).DateTime; cell.Style.DateFormat.Format = "dd/MM/yyyy HH:mm"; break;
            case bool b: cell.Value = b ? "Có" : "Không"; break;
            default: cell.Value = value.ToString(); break;
        }
    }

    private static string SafeName(string name)
    {
        var clean = new string(name.Where(ch => ch is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray());
        return clean.Length > 31 ? clean[..31] : clean;
    }
}
