using static Procedures.Forms.Tests.FormSamples;

namespace Procedures.Forms.Tests;

public sealed class SupplementRequestFormTests
{
    [Test]
    public void The_request_lists_every_missing_item_with_the_reason_and_due_date()
    {
        var form = Supplement();
        var pdf = new PdfProbe(FormRenderer.Render(form), "02-supplement");

        pdf.ShouldShow("Mẫu số 02", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
            "(Lần thứ nhất)", Code, Tuyet, "Đăng ký kết hôn", "17:00 ngày 13/03/2026",
            "Hồ sơ chưa đủ thành phần theo quy định tại Điều 18 Luật Hộ tịch năm 2014.", "NGƯỜI HƯỚNG DẪN", Hang, "0263 3876 543");
        pdf.ShouldHaveRow("1.", "Giấy xác nhận tình trạng hôn nhân");
        pdf.ShouldHaveRow("2.", "Bản sao Căn cước công dân của ông Trần Quốc Hưng");
        pdf.ShouldHaveRow("3.", "Tờ khai đăng ký kết hôn có đủ chữ ký của hai bên nam, nữ");
    }

    [Test]
    public void A_later_request_says_which_round_it_is()
    {
        var pdf = new PdfProbe(FormRenderer.Render(Supplement() with { Round = 2 }), "02-supplement-round-2");

        pdf.ShouldShow("(Lần thứ hai)");
    }

    [Test]
    public void A_request_without_missing_items_is_refused() =>
        Should.Throw<ArgumentException>(() => FormRenderer.Render(Supplement() with { MissingItems = [] }));
}
