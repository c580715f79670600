using static Procedures.Forms.Tests.FormSamples;

namespace Procedures.Forms.Tests;

public sealed class ApologyFormTests
{
    [Test]
    public void The_apology_gives_both_appointments_the_reason_and_the_unit_that_delayed()
    {
        var pdf = new PdfProbe(FormRenderer.Render(Apology()), "04-apology");

        pdf.ShouldShow("Mẫu số 04", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
            $"Kính gửi: ông/bà {Tuyet}", Code, "14:00 ngày 06/03/2026", "10:30 ngày 11/03/2026",
            "Chờ kết quả xác định nghĩa vụ tài chính của cơ quan thuế (liên thông).", "Đơn vị để chậm trễ: Phòng Kinh tế xã Đạ Tông",
            "Đạ Tông, ngày 05 tháng 3 năm 2026", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", Hung);
    }

    [Test]
    public void A_new_appointment_not_after_the_original_is_refused() =>
        Should.Throw<ArgumentException>(() => FormRenderer.Render(Apology() with { NewAppointmentAt = Appointment }));
}
