using Procedures.Catalogue;
using Procedures.Dossiers;

namespace Procedures.Tests.Dossiers;

public sealed class When_a_dossier_goes_the_whole_way : DossierTest
{
    [Test]
    public async Task Should_move_through_the_portal_statuses_with_a_hand_off_row_for_every_step()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var receipt = await ReceiveComplete();
        receipt.Code.ShouldBe($"{TestOrg.ShopACode}-260303-0001");
        receipt.Status.ShouldBe(DossierStatus.Accepted);
        receipt.AppointmentAt.ShouldBe(Vn(2026, 3, 10, 17));
        receipt.Fee.ShouldBe(100_000);
        receipt.ProcessingUnitId.ShouldBe(Org.CommuneA);
        var id = receipt.DossierId;

        Clock.Set(Vn(2026, 3, 3, 10));
        (await Assign(id)).Ok().Status.ShouldBe(DossierStatus.Processing);
        Clock.Set(Vn(2026, 3, 3, 14));
        (await Submit(id)).Ok().OpenSteps.ShouldBe(["review"]);
        Clock.Set(Vn(2026, 3, 4, 10));
        (await Approve(id)).Ok().OpenSteps.ShouldBe(["sign"]);
        Clock.Set(Vn(2026, 3, 4, 11));
        var signed = (await Sign(id, TestOrg.DeputyA)).Ok();
        signed.Status.ShouldBe(DossierStatus.Finished);
        signed.OpenSteps.ShouldBe(["return-result"]);
        Clock.Set(Vn(2026, 3, 5, 8));
        var returned = (await Return(id, channel: Channel.Post)).Ok();
        returned.Status.ShouldBe(DossierStatus.Returned);
        returned.OpenSteps.ShouldBeEmpty();

        var dossier = await Load(id);
        dossier.Result.ShouldBe(DossierResult.Approved);
        dossier.SignedBy.ShouldBe(TestOrg.DeputyA);
        dossier.SignedOnBehalfOf.ShouldBe(TestOrg.LeaderA);
        dossier.FinishedAt.ShouldBe(Vn(2026, 3, 4, 11));
        dossier.Timeliness.ShouldBe(Timeliness.Early);
        dossier.ReturnedAt.ShouldBe(Vn(2026, 3, 5, 8));
        dossier.ReturnChannel.ShouldBe(Channel.Post);
        dossier.ArchivedAt.ShouldBe(Vn(2026, 3, 5, 8));
        dossier.RetainUntil.ShouldBe(new DateOnly(2036, 3, 5));
        dossier.ResultNote.ShouldBe("Cấp giấy chứng nhận đăng ký hộ kinh doanh");
        ((int)dossier.Status).ShouldBe(10);

        var events = await Events(id);
        events.Select(e => e.Kind).ShouldBe(["Received", "Assigned", "Appraised", "Approved", "Signed", "Returned", "Archived"]);
        events.Select(e => e.Step).ShouldBe(["receive", "assign", "process", "review", "sign", "return-result", null]);
        events.Select(e => e.Actor).ShouldBe([TestOrg.ClerkA, TestOrg.HeadA, TestOrg.SpecialistA, TestOrg.HeadA, TestOrg.DeputyA, TestOrg.ClerkA, TestOrg.ClerkA]);
        // Assigned hands the dossier to the specialist by name; process had 2 days from 10:00 Tue, done by 14:00 Tue: early.
        events[1].Receiver.ShouldBe(TestOrg.SpecialistA);
        events[1].ReceiverName.ShouldBe("Trần Văn Thẩm");
        events[2].DueAt.ShouldBe(Vn(2026, 3, 5, 10));
        events[2].Timeliness.ShouldBe(Timeliness.Early);
        // Review had half a day (one session) from 14:00 Tue, a seventh into the afternoon, so until a seventh into Wednesday
        // morning (08:04:17) and was done at 10:00 Wed: late.
        events[3].DueAt!.Value.ShouldBe(Vn(2026, 3, 4, 7, 30).AddTicks(TimeSpan.FromHours(4).Ticks / 7), TimeSpan.FromMilliseconds(1));
        events[3].Timeliness.ShouldBe(Timeliness.Late);
        events[4].Timeliness.ShouldBe(Timeliness.OnTime);
        events.ShouldAllBe(e => e.ActorName.Length > 0);

        var messages = await OutboxTypes();
        messages.ShouldContain(typeof(DossierReceived).FullName!);
        messages.ShouldContain(typeof(ResultReady).FullName!);
        messages.ShouldContain(typeof(DossierReturned).FullName!);
    }
}
