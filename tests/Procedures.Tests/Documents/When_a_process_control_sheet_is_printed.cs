using Procedures.Dossiers;
using Procedures.Forms.Tests;
using Procedures.Tests.Dossiers;

namespace Procedures.Tests.Documents;

public sealed class When_a_process_control_sheet_is_printed : DocumentTest
{
    [Test]
    public async Task Should_have_a_row_for_every_hand_off_of_a_dossier_sent_back_once_with_its_result()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var receipt = await ReceiveComplete();
        var id = receipt.DossierId;
        Clock.Set(Vn(2026, 3, 3, 10));
        (await Assign(id)).Ok();
        Clock.Set(Vn(2026, 3, 3, 14));
        (await Submit(id)).Ok();
        Clock.Set(Vn(2026, 3, 4, 9));
        (await SendBack(id, TestOrg.HeadA, "Bổ sung căn cứ pháp lý")).Ok();
        Clock.Set(Vn(2026, 3, 4, 10));
        (await Submit(id)).Ok();
        Clock.Set(Vn(2026, 3, 4, 11));
        (await Approve(id)).Ok();
        Clock.Set(Vn(2026, 3, 4, 14));
        (await Sign(id)).Ok();
        Clock.Set(Vn(2026, 3, 5, 8));
        (await Return(id)).Ok();

        var result = await Produce(d => d.ProcessControlAsync(id, TestOrg.ClerkA));

        result.Ok().FileName.ShouldBe($"phieu-kiem-soat-{receipt.Code}.pdf");
        var pdf = Read(result, "05-process-control");
        pdf.ShouldShow("Mẫu số 05", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", receipt.Code, $"(Kèm theo hồ sơ của: {An})",
            "Cơ quan (bộ phận) giải quyết hồ sơ: UBND xã An Phú", "Nhận hồ sơ: 09:00 ngày 03/03/2026", "Hẹn trả kết quả: 17:00 ngày 10/03/2026",
            "Kết quả giải quyết hồ sơ: Đã trả kết quả trước hạn");
        // Whoever took the step next is the receiver; the due times and judgements are those of the giver's work item. Half-day
        // steps end as far into the next session as they started into theirs (09:00, 3/8 of the morning → 14:48).
        pdf.ShouldHaveRow("1", "Tiếp nhận, kiểm tra", Clerk, Head, "03/03/2026 09:00", "03/03/2026 14:48", "Đúng hạn");
        pdf.ShouldHaveRow("2", "Phân công chuyên viên", Head, Specialist, "03/03/2026 10:00", "03/03/2026 14:48", "Đúng hạn", "Xử lý trong ngày");
        pdf.ShouldHaveRow("3", "Thẩm định hồ sơ", Specialist, Head, "03/03/2026 14:00", "05/03/2026 10:00", "Trước hạn", "Đủ điều kiện");
        pdf.ShouldHaveRow("4", "Xem xét, thẩm tra (trả", Head, Specialist, "04/03/2026 09:00", "04/03/2026 08:04", "Quá hạn", "Bổ sung căn cứ");
        pdf.ShouldHaveRow("5", "Thẩm định hồ sơ", Specialist, Head, "04/03/2026 10:00", "06/03/2026 09:00", "Trước hạn");
        pdf.ShouldHaveRow("6", "Xem xét, thẩm tra", Head, Leader, "04/03/2026 11:00", "04/03/2026 15:41", "Đúng hạn");
        pdf.ShouldHaveRow("7", "Ký duyệt kết quả", Leader, Clerk, "04/03/2026 14:00", "04/03/2026 16:33", "Đúng hạn");
        pdf.ShouldHaveRow("8", "Trả kết quả", Clerk, "—", "05/03/2026 08:00", "05/03/2026 08:04", "Đúng hạn");
        pdf.Text.ShouldNotContain("   9   ", customMessage: "archiving is not a hand-off");
    }

    [Test]
    public async Task Should_name_the_role_and_unit_that_will_take_a_step_nobody_has_taken_yet()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var id = (await ReceiveComplete()).DossierId;

        var pdf = Read(await Produce(d => d.ProcessControlAsync(id, TestOrg.ClerkA)), "05-process-control-open");

        pdf.ShouldHaveRow("1", "Tiếp nhận, kiểm tra", Clerk, "Lãnh đạo phòng, UBND", "03/03/2026 09:00");
        pdf.ShouldShow("Kết quả giải quyết hồ sơ: Đang giải quyết");
    }

    [Test]
    public async Task Should_not_be_printed_for_a_dossier_waiting_for_its_first_complete_reception()
    {
        var id = (await Receive(Complete() with { Documents = [new(Org.Form)], Decision = ReceptionDecision.RequestSupplement })).Ok().DossierId;

        ShouldBeRefusedFor(await Produce(d => d.ProcessControlAsync(id, TestOrg.ClerkA)), "not-received", "05");
    }
}
