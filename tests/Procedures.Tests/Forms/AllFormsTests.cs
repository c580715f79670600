using static Procedures.Forms.Tests.FormSamples;

namespace Procedures.Forms.Tests;

/// <summary>What holds for every form: a real PDF, A4, fonts embedded, nothing printed outside the margins.</summary>
public sealed class AllFormsTests
{
    const double A4Short = 595.28, A4Long = 841.89;

    static IEnumerable<TestCaseData> Forms()
    {
        yield return new TestCaseData("01", (Func<byte[]>)(() => FormRenderer.Render(Receipt())), false).SetArgDisplayNames("01 receipt");
        yield return new TestCaseData("02", (Func<byte[]>)(() => FormRenderer.Render(Supplement())), false).SetArgDisplayNames("02 supplement request");
        yield return new TestCaseData("03", (Func<byte[]>)(() => FormRenderer.Render(Refusal())), false).SetArgDisplayNames("03 refusal");
        yield return new TestCaseData("04", (Func<byte[]>)(() => FormRenderer.Render(Apology())), false).SetArgDisplayNames("04 apology");
        yield return new TestCaseData("05", (Func<byte[]>)(() => FormRenderer.Render(ProcessControl(60))), true).SetArgDisplayNames("05 process control");
        yield return new TestCaseData("06", (Func<byte[]>)(() => FormRenderer.Render(Register(200))), true).SetArgDisplayNames("06 register");
    }

    [TestCaseSource(nameof(Forms))]
    public void Each_form_is_an_A4_PDF_with_its_fonts_embedded(string number, Func<byte[]> render, bool landscape)
    {
        var pdf = new PdfProbe(render(), $"{number}-all");

        pdf.Latin1Bytes.ShouldStartWith("%PDF-");
        pdf.Latin1Bytes.ShouldContain("/FontFile2");
        var (width, height) = pdf.PageSize;
        (landscape ? height : width).ShouldBe(A4Short, 0.5);
        (landscape ? width : height).ShouldBe(A4Long, 0.5);
        pdf.ShouldShow($"Mẫu số {number}", "Trang 1/", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc");
    }

    [TestCaseSource(nameof(Forms))]
    public void No_word_of_a_form_is_printed_outside_the_page_margins(string number, Func<byte[]> render, bool landscape)
    {
        var pdf = new PdfProbe(render(), $"{number}-margins");
        const double rightMargin = 15 * 72 / 25.4;

        var outside = pdf.Words().Where(w => w.XMax > w.PageWidth - rightMargin + 1 || w.YMax > w.PageHeight - 20).ToList();

        outside.ShouldBeEmpty();
    }

    [TestCaseSource(nameof(Forms))]
    public void Each_form_renders_its_first_page_to_an_image_for_review(string number, Func<byte[]> render, bool landscape)
    {
        var png = new PdfProbe(render(), $"{number}-page1").RenderFirstPage();

        new FileInfo(png).Length.ShouldBeGreaterThan(1_000);
        TestContext.Out.WriteLine(png);
    }
}
