using System.Text;
using static Procedures.Forms.Tests.FormSamples;

namespace Procedures.Forms.Tests;

public sealed class ReceiptFormTests
{
    [Test]
    public void The_receipt_shows_the_header_title_code_applicant_and_appointment()
    {
        var pdf = new PdfProbe(FormRenderer.Render(Receipt()), "01-receipt");

        pdf.ShouldShow("Mẫu số 01", "UBND TỈNH LÂM ĐỒNG", "UBND XÃ ĐẠ TÔNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc", "Đạ Tông, ngày 03 tháng 3 năm 2026", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
            Code, Tuyet, "068186001234", "Đăng ký thường trú", "09:15 ngày 03/03/2026", "14:00 ngày 06/03/2026",
            "20.000 đồng", "Bộ phận Một cửa UBND xã Đạ Tông", "NGƯỜI TIẾP NHẬN HỒ SƠ", Binh);
    }

    [Test]
    public void The_receipt_lists_every_document_with_its_form_and_copies()
    {
        var pdf = new PdfProbe(FormRenderer.Render(Receipt()), "01-receipt-documents");

        pdf.ShouldHaveRow("1", "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)", "Bản chính", "01");
        pdf.ShouldHaveRow("2", "Giấy tờ, tài liệu chứng minh chỗ ở hợp", "Bản sao có", "01");
        pdf.ShouldHaveRow("đồng thuê nhà có công chứng)", "chứng thực");
        pdf.ShouldHaveRow("3", "Văn bản đồng ý cho đăng ký thường trú", "Bản chính", "01", "Chưa nộp");
    }

    [Test]
    public void The_receipt_lists_the_digitised_originals_with_their_short_hash_and_who_digitised_them()
    {
        var sha = new string('a', 8) + new string('0', 48) + "12345678";
        var pdf = new PdfProbe(FormRenderer.Render(Receipt() with { Digitised = [new("Tờ khai thay đổi thông tin cư trú", sha, Binh)] }), "01-receipt-digitised");

        pdf.ShouldShow("Bản số hóa từ bản gốc:", "Số hóa bởi");
        pdf.ShouldHaveRow("1", "Tờ khai thay đổi thông tin cư trú", "aaaaaaaa…12345678", Binh);
    }

    [Test]
    public void The_receipt_has_no_digitised_section_without_digitised_originals() =>
        new PdfProbe(FormRenderer.Render(Receipt()), "01-receipt-no-digitised").Text.ShouldNotContain("Bản số hóa từ bản gốc");

    [Test]
    public void The_receipt_carries_a_QR_image()
    {
        var pdf = new PdfProbe(FormRenderer.Render(Receipt()), "01-receipt-qr");

        pdf.Latin1Bytes.ShouldMatch(@"/Subtype\s*/Image");
    }

    [Test]
    public void The_QR_code_scans_to_the_tracking_page_with_the_dossier_code()
    {
        var form = Receipt();
        form.TrackingLink.AbsoluteUri.ShouldBe($"https://dichvucong.lamdong.gov.vn/tra-cuu-ho-so?ma-ho-so={Code}");
        var pdf = new PdfProbe(FormRenderer.Render(form), "01-receipt-scan");
        var page = pdf.RenderFirstPage(dpi: 200);

        if (!ToolExists("zbarimg"))
            Assert.Ignore("zbarimg (Debian zbar-tools) is not installed; the QR payload was checked, not the scan.");
        PdfProbe.Run("zbarimg", "--raw", "-q", page).Trim().ShouldBe(form.TrackingLink.AbsoluteUri);
    }

    [Test]
    public void A_free_procedure_says_no_fee_is_charged()
    {
        var pdf = new PdfProbe(FormRenderer.Render(Receipt() with { Fee = 0 }), "01-receipt-free");

        pdf.ShouldShow("Phí, lệ phí: Không thu");
    }

    [Test]
    public void Names_typed_with_combining_accents_print_like_composed_ones()
    {
        var decomposed = Receipt() with { Applicant = Applicant with { FullName = Tuyet.Normalize(NormalizationForm.FormD) } };
        decomposed.Applicant.FullName.ShouldNotBe(Tuyet);

        var pdf = new PdfProbe(FormRenderer.Render(decomposed), "01-receipt-decomposed");

        pdf.ShouldShow($"Ông/Bà: {Tuyet}");
    }

    static bool ToolExists(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, tool)));
}
