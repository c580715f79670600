using Procedures.Dossiers;
using Procedures.Forms.Tests;
using Procedures.Tests.Dossiers;

namespace Procedures.Tests.Documents;

public sealed class When_a_refusal_is_printed : DocumentTest
{
    [Test]
    public async Task Should_state_the_reason_of_a_refusal_at_the_counter()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var receipt = (await Receive(Complete() with { Decision = ReceptionDecision.Refuse, Reason = "Địa điểm kinh doanh thuộc xã Bình Minh" })).Ok();

        var result = await Produce(d => d.RefusalAsync(receipt.DossierId, TestOrg.ClerkA));

        result.Ok().FileName.ShouldBe($"phieu-tu-choi-{receipt.Code}.pdf");
        Read(result, "03-refusal-counter").ShouldShow("Mẫu số 03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", $"Mã hồ sơ: {receipt.Code}", An,
            "Đăng ký thành lập hộ kinh doanh", "Địa điểm kinh doanh thuộc xã Bình Minh", "NGƯỜI TIẾP NHẬN HỒ SƠ", Clerk, "Ngày 03 tháng 3 năm 2026");
    }

    [Test]
    public async Task Should_state_the_reason_of_a_refusal_during_processing()
    {
        var receipt = await ReceiveComplete();
        (await Assign(receipt.DossierId)).Ok();
        (await Refuse(receipt.DossierId, TestOrg.SpecialistA)).Ok();

        Read(await Produce(d => d.RefusalAsync(receipt.DossierId, TestOrg.SpecialistA)), "03-refusal-processing")
            .ShouldShow(receipt.Code, An, "Ngành nghề kinh doanh bị cấm");
    }

    [Test]
    public async Task Should_not_be_printed_for_a_dossier_still_being_processed()
    {
        var id = (await ReceiveComplete()).DossierId;
        (await Assign(id)).Ok();

        ShouldBeRefusedFor(await Produce(d => d.RefusalAsync(id, TestOrg.HeadA)), "not-refused", "03");
    }
}
