using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Forms;
using Procedures.Forms.Tests;
using Procedures.Tests.Dossiers;

namespace Procedures.Tests.Documents;

public sealed class When_a_supplement_request_is_printed : DocumentTest
{
    [Test]
    public async Task Should_list_every_missing_item_with_the_reason_and_the_citizens_deadline()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var receipt = await ReceiveComplete();
        (await Assign(receipt.DossierId)).Ok();
        Clock.Set(Vn(2026, 3, 4, 10));
        (await RequestSupplement(receipt.DossierId)).Ok();

        var result = await Produce(d => d.SupplementRequestAsync(receipt.DossierId, TestOrg.SpecialistA));

        result.Ok().FileName.ShouldBe($"phieu-yeu-cau-bo-sung-{receipt.Code}.pdf");
        var pdf = Read(result, "02-supplement-processing");
        pdf.ShouldShow("Mẫu số 02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "(Lần thứ nhất)", receipt.Code, An,
            "vào lúc 09:00 ngày 03/03/2026", "1. Bản sao hợp đồng thuê địa điểm", "2. Sơ đồ vị trí",
            "Lý do: Thiếu giấy tờ về địa điểm kinh doanh", "trước 17:00 ngày 18/03/2026", Specialist);
    }

    [Test]
    public async Task Should_reprint_a_counter_request_with_its_deadline_after_the_supplement_came_in()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var receipt = (await Receive(Complete() with
        {
            Documents = [new(Org.Form), new(Org.IdCopy)], Decision = ReceptionDecision.RequestSupplement,
            Reason = "Thiếu biên bản họp gia đình", OtherMissingItems = ["Giấy ủy quyền có chứng thực"],
        })).Ok();
        var due = VietnameseFormat.TimeAndDate(receipt.SupplementDueAt!.Value);
        var waiting = Read(await Produce(d => d.SupplementRequestAsync(receipt.DossierId, TestOrg.ClerkA)), "02-supplement-counter");
        Clock.Set(Vn(2026, 3, 5, 14));
        (await Run<ReceiveSupplementHandler, DomainResult<DossierState>>(h => h.HandleAsync(
            new ReceiveSupplement(receipt.DossierId, TestOrg.ClerkA, [new(Org.Minutes)])))).Ok();

        var reprint = Read(await Produce(d => d.SupplementRequestAsync(receipt.DossierId, TestOrg.ClerkA)), "02-supplement-counter-reprint");

        foreach (var pdf in new[] { waiting, reprint })
            pdf.ShouldShow(receipt.Code, An, "1. Biên bản họp thành viên hộ gia đình", "2. Giấy ủy quyền có chứng thực",
                "Lý do: Thiếu biên bản họp gia đình", $"trước {due}", Clerk);
    }

    [Test]
    public async Task Should_not_be_printed_when_no_supplement_was_requested()
    {
        var id = (await ReceiveComplete()).DossierId;

        ShouldBeRefusedFor(await Produce(d => d.SupplementRequestAsync(id, TestOrg.ClerkA)), "no-supplement-request", "02");
    }
}
