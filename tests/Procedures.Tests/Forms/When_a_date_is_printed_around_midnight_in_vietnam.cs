using ClosedXML.Excel;
using Procedures.Common;
using Procedures.Reports;
using static Procedures.Forms.Tests.FormSamples;

namespace Procedures.Forms.Tests;

/// <summary>
/// Finding 9 of the legal review: a refusal at 00:30 on 07/12 in Vietnam (17:30 UTC on 06/12) printed 06/12. Every output a
/// person reads goes through <see cref="VietnamTime"/>; here each kind is tried on both sides of midnight in Vietnam.
/// </summary>
public sealed class When_a_date_is_printed_around_midnight_in_vietnam
{
    private static readonly DateTimeOffset HalfPastMidnightInVietnam = new(2026, 12, 6, 17, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset JustBeforeMidnightInVietnam = new(2026, 12, 6, 16, 59, 0, TimeSpan.Zero);

    [Test]
    public void Should_take_the_vietnamese_day_for_an_instant_after_midnight_there()
    {
        VietnamTime.DateOf(HalfPastMidnightInVietnam).ShouldBe(new DateOnly(2026, 12, 7));
        VietnamTime.DateOf(JustBeforeMidnightInVietnam).ShouldBe(new DateOnly(2026, 12, 6));
        VietnamTime.Local(HalfPastMidnightInVietnam).ShouldSatisfyAllConditions(t => t.Offset.ShouldBe(TimeSpan.FromHours(7)), t => t.Hour.ShouldBe(0));
        VietnamTime.StartOf(new DateOnly(2026, 12, 7)).ShouldBe(new DateTimeOffset(2026, 12, 6, 17, 0, 0, TimeSpan.Zero));
    }

    [Test]
    public void Should_print_the_vietnamese_day_on_a_refusal_form()
    {
        var pdf = new PdfProbe(FormRenderer.Render(Refusal() with { IssuedAt = HalfPastMidnightInVietnam }), "03-refusal-midnight");

        pdf.ShouldShow("ngày 07 tháng 12 năm 2026");
        pdf.Text.ShouldNotContain("ngày 06 tháng 12 năm 2026");
    }

    [Test]
    public void Should_write_vietnam_time_in_an_excel_export()
    {
        var bytes = ExcelExport.Workbook(new ExcelExport.Sheet("Sổ", "Sổ theo dõi", null, ["Mã", "Ngày"],
            [["A", HalfPastMidnightInVietnam], ["B", JustBeforeMidnightInVietnam]]));

        using var book = new XLWorkbook(new MemoryStream(bytes));
        var sheet = book.Worksheet(1);
        sheet.Cell(ExcelExport.HeaderRow + 1, 2).GetDateTime().ShouldBe(new DateTime(2026, 12, 7, 0, 30, 0));
        sheet.Cell(ExcelExport.HeaderRow + 2, 2).GetDateTime().ShouldBe(new DateTime(2026, 12, 6, 23, 59, 0));
    }

    [Test]
    public void Should_write_the_vietnamese_day_in_form_and_table_texts()
    {
        VietnameseFormat.Date(HalfPastMidnightInVietnam).ShouldBe("07/12/2026");
        VietnameseFormat.TimeAndDate(HalfPastMidnightInVietnam).ShouldBe("00:30 ngày 07/12/2026");
        VietnameseFormat.Date(JustBeforeMidnightInVietnam).ShouldBe("06/12/2026");
    }
}
