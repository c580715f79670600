using static Procedures.Forms.Tests.FormSamples;

namespace Procedures.Forms.Tests;

public sealed class RegisterFormTests
{
    [Test]
    public void The_register_shows_its_range_and_one_line_per_dossier()
    {
        var pdf = new PdfProbe(FormRenderer.Render(Register(4)), "06-register");

        pdf.ShouldShow("Mẫu số 06", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SỔ THEO DÕI HỒ SƠ", "Từ ngày 01/03/2026 đến ngày 31/03/2026",
            "Tổng số hồ sơ tiếp nhận: 4");
        pdf.ShouldHaveRow("1", "000.00.07.H29-260303-0001", "Đăng ký khai sinh", Tuyet, "03/03/2026", "06/03/2026", "06/03/2026", "Đã trả kết quả");
        pdf.ShouldHaveRow("09:15", "14:00", "13:00");
        pdf.ShouldHaveRow("2", "000.00.07.H29-260303-0002", "Đăng ký kết hôn", Binh, "03/03/2026", "06/03/2026", "06/03/2026", "Đã trả kết quả");
        pdf.ShouldHaveRow("09:22", "14:07", "13:07");
        pdf.ShouldHaveRow("3", "000.00.07.H29-260303-0003", "Chứng thực bản sao", Hung, "03/03/2026", "06/03/2026", "Đang xử lý");
        pdf.ShouldHaveRow("09:29", "14:14");
        pdf.ShouldHaveRow("4", "000.00.07.H29-260303-0004", "Đăng ký hộ kinh doanh", Hang, "03/03/2026", "06/03/2026", "06/03/2026", "Đã trả kết quả");
        pdf.ShouldHaveRow("09:36", "14:21", "13:21");
    }

    [Test]
    public void Two_hundred_dossiers_continue_over_several_pages_with_every_row_present()
    {
        var form = Register(200);
        var pdf = new PdfProbe(FormRenderer.Render(form), "06-register-200");

        pdf.Pages.ShouldBeGreaterThan(1);
        pdf.ShouldShow($"Trang 1/{pdf.Pages}", $"Trang {pdf.Pages}/{pdf.Pages}");
        foreach (var row in form.Rows)
            pdf.ShouldHaveRow($"{row.No} ", row.DossierCode, row.ApplicantName, VietnameseFormat.Date(row.ReceivedAt), row.Status);
        form.Rows.Select(r => r.DossierCode).Distinct().Count().ShouldBe(200);
    }

    [Test]
    public void A_range_that_ends_before_it_starts_is_refused() =>
        Should.Throw<ArgumentException>(() => FormRenderer.Render(Register(1) with { To = new DateOnly(2026, 2, 28) }));
}
