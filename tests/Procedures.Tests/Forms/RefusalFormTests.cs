using static Procedures.Forms.Tests.FormSamples;

namespace Procedures.Forms.Tests;

public sealed class RefusalFormTests
{
    [Test]
    public void The_refusal_states_its_reason_to_the_applicant()
    {
        var pdf = new PdfProbe(FormRenderer.Render(Refusal()), "03-refusal");

        pdf.ShouldShow("Mẫu số 03", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", Tuyet,
            "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Thửa đất số 245, tờ bản đồ số 12", "không đủ điều kiện cấp giấy phép xây dựng.",
            "NGƯỜI TIẾP NHẬN HỒ SƠ", Binh);
        pdf.Text.ShouldNotContain("Mã hồ sơ");
    }

    [Test]
    public void A_refusal_without_a_reason_is_not_printed() =>
        Should.Throw<ArgumentException>(() => FormRenderer.Render(Refusal() with { Reason = " " }));
}
