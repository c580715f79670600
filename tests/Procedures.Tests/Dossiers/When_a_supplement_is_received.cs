using Procedures.Common;
using Procedures.Dossiers;

namespace Procedures.Tests.Dossiers;

public sealed class When_a_supplement_is_received : DossierTest
{
    [Test]
    public async Task Should_restart_the_clock_from_the_complete_reception_and_go_back_through_reception()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var id = (await ReceiveComplete()).DossierId;
        (await Assign(id)).Ok();
        Clock.Set(Vn(2026, 3, 4, 10));
        var waiting = (await RequestSupplement(id)).Ok();
        waiting.Status.ShouldBe(DossierStatus.SupplementRequested);
        waiting.OpenSteps.ShouldBe(["await-supplement"]);
        var asked = await Load(id);
        asked.MissingItems.ShouldBe(["Bản sao hợp đồng thuê địa điểm", "Sơ đồ vị trí"]);
        asked.SupplementDueAt.ShouldBe(Vn(2026, 3, 18, 17));

        Clock.Set(Vn(2026, 3, 9, 9));
        var back = (await Run<ReceiveSupplementHandler, DomainResult<DossierState>>(h => h.HandleAsync(
            new ReceiveSupplement(id, TestOrg.ClerkA, [new(Org.Lease), new(null, "Sơ đồ vị trí")], "Đã đủ")))).Ok();
        back.Status.ShouldBe(DossierStatus.Processing);
        back.OpenSteps.ShouldBe(["assign"]);
        var dossier = await Load(id);
        dossier.ClockStartedAt.ShouldBe(Vn(2026, 3, 9, 9));
        // The full 5 working days again from Monday 9 March, not the 4 that were left.
        dossier.AppointmentAt.ShouldBe(Vn(2026, 3, 16, 17));
        dossier.OriginalAppointmentAt.ShouldBe(Vn(2026, 3, 16, 17));
        dossier.MissingItems.ShouldBeEmpty();
        dossier.Documents.Where(d => d.FromSupplement).Select(d => d.Name).ShouldBe(["Hợp đồng thuê địa điểm kinh doanh", "Sơ đồ vị trí"], ignoreOrder: true);
        (await Events(id)).Select(e => e.Kind).ShouldBe(["Received", "Assigned", "SupplementRequested", "SupplementReceived", "Received"]);

        (await Assign(id)).Ok();
        (await Submit(id)).Ok().OpenSteps.ShouldBe(["review"]);
    }

    [Test]
    public async Task Should_accept_a_dossier_that_was_incomplete_at_the_counter_once_it_is_complete()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var id = (await Receive(Complete() with { Documents = [new(Org.Form), new(Org.IdCopy)], Decision = ReceptionDecision.RequestSupplement })).Ok().DossierId;
        Clock.Set(Vn(2026, 3, 5, 14));
        var state = (await Run<ReceiveSupplementHandler, DomainResult<DossierState>>(h => h.HandleAsync(
            new ReceiveSupplement(id, TestOrg.ClerkA, [new(Org.Minutes)])))).Ok();
        state.Status.ShouldBe(DossierStatus.Accepted);
        state.AppointmentAt.ShouldBe(Vn(2026, 3, 12, 17));
    }

    [Test]
    public async Task Should_not_take_a_supplement_that_still_lacks_a_required_document()
    {
        var id = (await Receive(Complete() with { Documents = [new(Org.Form)], Decision = ReceptionDecision.RequestSupplement })).Ok().DossierId;
        var before = await Snapshot();
        var error = (await Run<ReceiveSupplementHandler, DomainResult<DossierState>>(h => h.HandleAsync(
            new ReceiveSupplement(id, TestOrg.ClerkA, [new(Org.Minutes)])))).Fails(ErrorKind.Invalid, "documents");
        error.MessageVi.ShouldContain("Bản sao giấy tờ pháp lý của cá nhân");
        (await Snapshot()).ShouldBe(before);
    }

    [Test]
    public async Task Should_allow_a_supplement_request_until_the_end_of_the_third_working_day_after_reception()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var id = (await ReceiveComplete()).DossierId;
        (await Assign(id)).Ok();
        Clock.Set(Vn(2026, 3, 6, 16, 59));
        (await RequestSupplement(id)).Ok().Status.ShouldBe(DossierStatus.SupplementRequested);
    }

    [Test]
    public async Task Should_refuse_a_supplement_request_after_the_window_and_write_nothing()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var id = (await ReceiveComplete()).DossierId;
        (await Assign(id)).Ok();
        Clock.Set(Vn(2026, 3, 9, 8));
        var before = await Snapshot();
        var error = (await RequestSupplement(id)).Fails(ErrorKind.Conflict);
        error.Code.ShouldBe("supplement-window-closed");
        error.MessageEn.ShouldContain("3 working days");
        (await Snapshot()).ShouldBe(before);
    }
}
