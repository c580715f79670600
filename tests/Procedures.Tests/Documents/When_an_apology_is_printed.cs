using Procedures.Forms.Tests;
using Procedures.Tests.Dossiers;

namespace Procedures.Tests.Documents;

public sealed class When_an_apology_is_printed : DocumentTest
{
    private async Task<(Guid Id, string Code)> DossierDueOnTuesdayTenth()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var receipt = await ReceiveComplete();
        Clock.Set(Vn(2026, 3, 3, 9, 30));
        (await Assign(receipt.DossierId)).Ok();
        return (receipt.DossierId, receipt.Code);
    }

    [Test]
    public async Task Should_give_the_new_appointment_the_reason_the_delaying_unit_and_the_leader_who_signed()
    {
        var (id, code) = await DossierDueOnTuesdayTenth();
        Clock.Set(Vn(2026, 3, 9, 9));
        (await Apologise(id, new DateOnly(2026, 3, 13))).Ok();

        var result = await Produce(d => d.ApologyAsync(id, TestOrg.LeaderA));

        result.Ok().FileName.ShouldBe($"phieu-xin-loi-{code}.pdf");
        Read(result, "04-apology").ShouldShow("Mẫu số 04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", $"Kính gửi: ông/bà {An}", code,
            "Ngày 03/03/2026", "Thời hạn trả kết quả giải quyết hồ sơ: 17:00 ngày 10/03/2026", "Lý do: Chờ xác minh thực địa",
            "Đơn vị để chậm trễ: UBND xã An Phú", "hẹn lại thời gian trả kết quả vào lúc 17:00 ngày 13/03/2026",
            "THỦ TRƯỞNG CƠ QUAN", Leader, "Ngày 09 tháng 3 năm 2026");
    }

    [Test]
    public async Task Should_sign_for_the_head_when_a_deputy_apologised()
    {
        var (id, _) = await DossierDueOnTuesdayTenth();
        (await Apologise(id, new DateOnly(2026, 3, 13), actor: TestOrg.DeputyA)).Ok();

        Read(await Produce(d => d.ApologyAsync(id, TestOrg.DeputyA)), "04-apology-deputy")
            .ShouldShow("KT. THỦ TRƯỞNG CƠ QUAN", "PHÓ THỦ TRƯỞNG CƠ QUAN", "Vũ Thị Phó");
    }

    [Test]
    public async Task Should_not_be_printed_before_any_apology()
    {
        var (id, _) = await DossierDueOnTuesdayTenth();

        ShouldBeRefusedFor(await Produce(d => d.ApologyAsync(id, TestOrg.LeaderA)), "no-apology", "04");
    }
}
