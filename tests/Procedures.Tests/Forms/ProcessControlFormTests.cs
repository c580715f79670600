using static Procedures.Forms.Tests.FormSamples;

namespace Procedures.Forms.Tests;

public sealed class ProcessControlFormTests
{
    [Test]
    public void Each_hand_off_shows_giver_receiver_time_and_timeliness_in_one_row()
    {
        var pdf = new PdfProbe(FormRenderer.Render(ProcessControl(4)), "05-process-control");

        pdf.ShouldShow("Mẫu số 05", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", Code,
            $"(Kèm theo hồ sơ của: {Tuyet})", "Công an xã Đạ Tông", "Kết quả giải quyết hồ sơ: Đã trả kết quả đúng hạn");
        pdf.ShouldHaveRow("1", "Chuyển hồ sơ cho", Binh, Hang, "03/03/2026", "03/03/2026", "Trước hạn", "Đã kiểm tra đủ");
        pdf.ShouldHaveRow("2", "Phân công chuyên viên", Hang, Hung, "03/03/2026", "03/03/2026", "Đúng hạn");
        pdf.ShouldHaveRow("3", "Thẩm định hồ sơ", Hung, Tuyet, "03/03/2026", "03/03/2026", "Quá hạn");
        pdf.ShouldHaveRow("4", "Ký duyệt kết quả", Tuyet, Binh, "03/03/2026", "03/03/2026", "Trước hạn");
    }

    [Test]
    public void Sixty_hand_offs_continue_over_several_pages_with_every_row_present()
    {
        var pdf = new PdfProbe(FormRenderer.Render(ProcessControl(60)), "05-process-control-60");

        pdf.Pages.ShouldBeGreaterThan(1);
        pdf.ShouldShow($"Trang 1/{pdf.Pages}", $"Trang {pdf.Pages}/{pdf.Pages}");
        for (var i = 0; i < 60; i++)
        {
            var h = HandOff(i);
            pdf.ShouldHaveRow($"{i + 1} ", h.Giver, h.Receiver!, VietnameseFormat.DateAndTime(h.At)[..10], h.Timeliness!);
        }
        pdf.Text.Split('\f').Count(page => page.Contains("Người giao", StringComparison.Ordinal)).ShouldBe(pdf.Pages, "the header repeats on every page");
    }

    [Test]
    public void An_open_step_and_a_last_hand_off_without_receiver_print_placeholders()
    {
        var form = ProcessControl(1) with
        {
            HandOffs = [new FormHandOff(Received, "Trả kết quả cho công dân", Binh, null, null, null, null)],
            Result = null,
        };
        var pdf = new PdfProbe(FormRenderer.Render(form), "05-process-control-open");

        pdf.ShouldHaveRow("1", "Trả kết quả cho", Binh, "—", "03/03/2026 09:15", "—", "Đang xử lý");
        pdf.ShouldShow("Kết quả giải quyết hồ sơ: Đang giải quyết");
    }

    [Test]
    public void A_comment_longer_than_a_page_continues_on_the_next_page_without_losing_a_word()
    {
        var words = Enumerable.Range(1, 500).Select(i => $"ý{i:000}").ToArray();
        var form = ProcessControl(2) with { HandOffs = [HandOff(0) with { Comment = string.Join(' ', words) }, HandOff(1)] };

        var pdf = new PdfProbe(FormRenderer.Render(form), "05-process-control-long-comment");

        pdf.Pages.ShouldBeGreaterThan(2);
        var printed = pdf.Text.Split([' ', '\n', '\f'], StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        words.Where(w => !printed.Contains(w)).ShouldBeEmpty();
        pdf.ShouldHaveRow("2", HandOff(1).Giver, HandOff(1).Receiver!, "Đúng hạn");
    }
}
