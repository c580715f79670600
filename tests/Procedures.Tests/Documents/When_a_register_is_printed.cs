using Procedures.Common;
using Procedures.Documents;
using Procedures.Dossiers;
using Procedures.Forms.Tests;
using Procedures.Tests.Dossiers;

namespace Procedures.Tests.Documents;

public sealed class When_a_register_is_printed : DocumentTest
{
    private const string Bich = "Trần Thị Bích", Cuong = "Lê Đức Cường";

    private async Task<string> ReceiveAt(DateTimeOffset at, ReceiveAtCounter request)
    {
        Clock.Set(at);
        return (await Receive(request)).Ok().Code;
    }

    private ReceiveAtCounter By(string applicant) => Complete() with { Applicant = new ApplicantData(applicant, "001090000001", "0987 654 321") };

    private Task<DomainResult<GeneratedDocument>> Register(string actor, DateOnly from, DateOnly to) =>
        Produce(d => d.RegisterAsync(new RegisterQuery(actor, Org.ShopA, from, to)));

    [Test]
    public async Task Should_number_the_dossiers_received_at_the_unit_in_the_range_in_order_of_reception()
    {
        var before = await ReceiveAt(Vn(2026, 3, 2, 16), By("Phạm Văn Trước"));
        var first = await ReceiveAt(Vn(2026, 3, 3, 9), Complete());
        var elsewhere = await ReceiveAt(Vn(2026, 3, 3, 9, 30), Complete(TestOrg.ClerkB) with { ReceivingUnitId = Org.ShopB, ProcessingUnitId = Org.CommuneA });
        var second = await ReceiveAt(Vn(2026, 3, 3, 10), By(Bich));
        var refused = await ReceiveAt(Vn(2026, 3, 3, 11), By("Đoàn Văn Từ") with { Decision = ReceptionDecision.Refuse, Reason = "Không thuộc thẩm quyền" });
        var third = await ReceiveAt(Vn(2026, 3, 4, 16, 30), By(Cuong));
        var after = await ReceiveAt(Vn(2026, 3, 5, 8), By("Phạm Văn Sau"));

        var result = await Register(TestOrg.ClerkA, new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 4));

        result.Ok().FileName.ShouldBe($"so-theo-doi-ho-so-{TestOrg.ShopACode}-20260303-20260304.pdf");
        var pdf = Read(result, "06-register");
        pdf.ShouldShow("Mẫu số 06", "SỔ THEO DÕI HỒ SƠ", "Từ ngày 03/03/2026 đến ngày 04/03/2026", "Tổng số hồ sơ tiếp nhận: 3");
        pdf.ShouldHaveRow("1", first, "Đăng ký thành lập hộ", An, "03/03/2026", "10/03/2026", "Được tiếp nhận");
        pdf.ShouldHaveRow("2", second, "Đăng ký thành lập hộ", Bich, "03/03/2026", "10/03/2026", "Được tiếp nhận");
        pdf.ShouldHaveRow("3", third, "Đăng ký thành lập hộ", Cuong, "04/03/2026", "12/03/2026", "Được tiếp nhận");
        foreach (var code in new[] { before, elsewhere, refused, after })
            pdf.Text.ShouldNotContain(code);
    }

    [Test]
    public async Task Should_show_when_a_dossier_was_returned_and_its_status_now()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var receipt = await ReceiveComplete();
        await SignOff(receipt.DossierId);
        Clock.Set(Vn(2026, 3, 5, 8));
        (await Return(receipt.DossierId)).Ok();

        var pdf = Read(await Register(TestOrg.ClerkA, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)), "06-register-returned");

        pdf.ShouldHaveRow("1", receipt.Code, "Đăng ký thành lập hộ", An, "03/03/2026", "10/03/2026", "05/03/2026", "Đã trả kết quả");
    }

    [Test]
    public async Task Should_be_refused_to_officials_of_other_units_and_for_a_reversed_range()
    {
        var day = new DateOnly(2026, 3, 3);

        (await Register(TestOrg.ClerkB, day, day)).Fails(ErrorKind.Forbidden);
        (await Register(TestOrg.HeadA, day, day)).Fails(ErrorKind.Forbidden);
        (await Register(TestOrg.ClerkA, day, day.AddDays(-1))).Fails(ErrorKind.Invalid, "to");
        (await Register(TestOrg.ClerkA, day, day.AddYears(1).AddDays(1))).Fails(ErrorKind.Invalid, "to");
    }
}
