using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Catalogue;
using Procedures.Dossiers;
using Procedures.Forms.Tests;
using Procedures.Tests.Dossiers;

namespace Procedures.Tests.Documents;

public sealed class When_a_receipt_is_printed : DocumentTest
{
    [Test]
    public async Task Should_show_the_code_applicant_documents_appointment_fee_and_receiving_clerk()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var receipt = (await Receive(Complete() with
        {
            Documents = [new(Org.Form), new(Org.IdCopy, Form: DocumentForm.CertifiedCopy), new(Org.Minutes, Copies: 2, Form: DocumentForm.Copy),
                new(null, "Căn cước công dân của chủ hộ", Form: DocumentForm.OriginalForInspection)],
        })).Ok();

        var result = await Produce(d => d.ReceiptAsync(receipt.DossierId, TestOrg.ClerkA));

        result.Ok().FileName.ShouldBe($"phieu-hen-{receipt.Code}.pdf");
        var pdf = Read(result, "01-receipt");
        pdf.ShouldHaveRow("UBND XÃ AN PHÚ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        pdf.ShouldHaveRow("BỘ PHẬN MỘT CỬA XÃ AN", "Độc lập - Tự do - Hạnh phúc");
        pdf.ShouldShow("Mẫu số 01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Bộ phận một cửa xã An Phú tiếp nhận hồ sơ của:",
            receipt.Code, An, "001085012345", "Đăng ký thành lập hộ kinh doanh", "09:00 ngày 03/03/2026", "17:00 ngày 10/03/2026",
            "Phí, lệ phí: 100.000 đồng", "Đăng ký nhận kết quả tại: Bộ phận một cửa xã An Phú", Clerk, "http://127.0.0.1:5080/tra-cuu");
        pdf.ShouldHaveRow("1", "Giấy đề nghị đăng ký hộ kinh doanh", "Bản chính", "01");
        pdf.ShouldHaveRow("2", "Bản sao giấy tờ pháp lý của cá nhân", "Bản sao chứng", "01");
        pdf.ShouldHaveRow("3", "Biên bản họp thành viên hộ gia đình", "Bản sao", "02");
        pdf.ShouldHaveRow("4", "Căn cước công dân của chủ hộ", "Bản chính để đối", "01");
        pdf.Text.ShouldNotContain("Hợp đồng thuê địa điểm", customMessage: "an optional document not handed in is not on the receipt");
    }

    [Test]
    public async Task Should_keep_the_appointment_it_promised_after_an_apology_sets_a_new_one()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var id = (await ReceiveComplete()).DossierId;
        (await Assign(id)).Ok();
        Clock.Set(Vn(2026, 3, 9, 9));
        (await Apologise(id, new DateOnly(2026, 3, 13))).Ok();

        var pdf = Read(await Produce(d => d.ReceiptAsync(id, TestOrg.HeadA)), "01-receipt-after-apology");

        pdf.ShouldShow("17:00 ngày 10/03/2026");
        pdf.Text.ShouldNotContain("13/03/2026");
    }

    [Test]
    public async Task Should_not_be_issued_for_a_dossier_refused_or_incomplete_at_the_counter()
    {
        var refused = (await Receive(Complete() with { Decision = ReceptionDecision.Refuse, Reason = "Không thuộc thẩm quyền" })).Ok();
        var incomplete = (await Receive(Complete() with { Documents = [new(Org.Form)], Decision = ReceptionDecision.RequestSupplement })).Ok();

        ShouldBeRefusedFor(await Produce(d => d.ReceiptAsync(refused.DossierId, TestOrg.ClerkA)), "receipt-not-issued", "01");
        ShouldBeRefusedFor(await Produce(d => d.ReceiptAsync(incomplete.DossierId, TestOrg.ClerkA)), "receipt-not-issued", "01");
    }
}

public sealed class When_the_tracking_page_is_configured : DocumentTest
{
    private const string Tracking = "https://dichvucong.ninhbinh.gov.vn/tra-cuu-ho-so";

    protected override void Configure(IServiceCollection services) => services.AddSingleton<IConfiguration>(
        new ConfigurationBuilder().AddInMemoryCollection([new("Documents:TrackingBaseUrl", Tracking)]).Build());

    [Test]
    public async Task Should_print_the_receipt_with_that_page()
    {
        var id = (await ReceiveComplete()).DossierId;

        var pdf = Read(await Produce(d => d.ReceiptAsync(id, TestOrg.ClerkA)), "01-receipt-tracking");

        pdf.ShouldShow(Tracking);
        pdf.Text.ShouldNotContain("127.0.0.1");
    }
}
