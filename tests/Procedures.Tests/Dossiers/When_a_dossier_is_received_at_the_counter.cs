using Procedures.Catalogue;
using Procedures.Dossiers;

namespace Procedures.Tests.Dossiers;

public sealed class When_a_dossier_is_received_at_the_counter : DossierTest
{
    [Test]
    public async Task Should_date_the_code_by_the_day_of_receipt_but_count_the_clock_from_the_next_working_day_after_15_00()
    {
        Clock.Set(Vn(2026, 3, 3, 15, 5));
        var receipt = await ReceiveComplete();
        receipt.Code.ShouldBe($"{TestOrg.ShopACode}-260303-0001");
        receipt.ReceptionDay.ShouldBe(new DateOnly(2026, 3, 4));
        receipt.AppointmentAt.ShouldBe(Vn(2026, 3, 11, 17));
        (await Load(receipt.DossierId)).ClockStartedAt.ShouldBe(Vn(2026, 3, 3, 15, 5));
    }

    [Test]
    public async Task Should_skip_the_tet_holidays_in_the_appointment()
    {
        Clock.Set(Vn(2026, 2, 13, 10));
        var receipt = await ReceiveComplete();
        receipt.Code.ShouldBe($"{TestOrg.ShopACode}-260213-0001");
        // Friday 13 Feb, 5 working days: Tết 2026 takes 16–20 Feb, so the fifth working day after is Friday 27 Feb.
        receipt.AppointmentAt.ShouldBe(Vn(2026, 2, 27, 17));
    }

    [Test]
    public async Task Should_number_codes_per_unit_and_day_and_start_again_the_next_day()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        (await ReceiveComplete()).Code.ShouldEndWith("-260303-0001");
        (await ReceiveComplete()).Code.ShouldEndWith("-260303-0002");
        Clock.Set(Vn(2026, 3, 4, 8));
        (await ReceiveComplete()).Code.ShouldBe($"{TestOrg.ShopACode}-260304-0001");
    }

    [Test]
    public async Task Should_charge_certified_copies_per_page_in_two_tiers_with_a_cap_per_copy()
    {
        var five = await Receive(Complete() with { ProcedureId = Org.Certification, Documents = [], Pages = 5, Copies = 2 });
        five.Ok().Fee.ShouldBe(2 * (2 * 2_000 + 3 * 1_000));
        var thick = await Receive(Complete() with { ProcedureId = Org.Certification, Documents = [], Pages = 400, Copies = 3 });
        thick.Ok().Fee.ShouldBe(3 * 200_000);
    }

    [Test]
    public async Task Should_give_a_code_and_a_list_of_every_missing_item_but_no_appointment_when_a_supplement_is_requested()
    {
        var result = await Receive(Complete() with
        {
            Documents = [new(Org.Form)], Decision = ReceptionDecision.RequestSupplement, Reason = "Hồ sơ chưa đủ",
            OtherMissingItems = ["Ảnh chụp biển hiệu"],
        });
        var receipt = result.Ok();
        receipt.Status.ShouldBe(DossierStatus.SupplementRequested);
        receipt.Code.ShouldEndWith("-0001");
        receipt.AppointmentAt.ShouldBeNull();
        receipt.MissingItems.ShouldBe(["Bản sao giấy tờ pháp lý của cá nhân", "Biên bản họp thành viên hộ gia đình", "Ảnh chụp biển hiệu"]);
        receipt.SupplementDueAt.ShouldBe(Vn(2026, 3, 17, 17));
        var dossier = await Load(receipt.DossierId);
        dossier.SupplementCount.ShouldBe(1);
        dossier.Documents.Count(d => d.Provided).ShouldBe(1);
        (await Events(receipt.DossierId)).Single().Kind.ShouldBe("SupplementRequested");
        (await OutboxTypes()).ShouldContain(typeof(SupplementRequested).FullName!);
    }

    [Test]
    public async Task Should_record_a_refusal_to_receive_with_its_reason_and_end_the_workflow()
    {
        var receipt = (await Receive(Complete() with { Decision = ReceptionDecision.Refuse, Reason = "Không thuộc thẩm quyền của xã" })).Ok();
        receipt.Status.ShouldBe(DossierStatus.NotAccepted);
        receipt.Reason.ShouldBe("Không thuộc thẩm quyền của xã");
        var dossier = await Load(receipt.DossierId);
        dossier.Result.ShouldBe(DossierResult.Refused);
        (await InstanceOutcome(dossier)).ShouldBe("Completed/refused");
        (await OutboxTypes()).ShouldContain(typeof(DossierRefused).FullName!);
    }

    [Test]
    public async Task Should_register_an_online_submission_without_a_code_until_a_clerk_receives_it()
    {
        var citizen = Guid.NewGuid();
        var submitted = (await Run<SubmitOnlineHandler, Procedures.Common.DomainResult<OnlineSubmission>>(h => h.HandleAsync(new SubmitOnline(
            citizen, Org.ShopA, Org.Business, new ApplicantData("Trần Thị Bình", Phone: "0987 654 321"), [new(Org.Form), new(Org.IdCopy), new(Org.Minutes)])))).Ok();
        var registered = await Load(submitted.DossierId);
        (registered.Status, registered.Code, registered.WorkflowInstanceId, registered.Channel).ShouldBe((DossierStatus.Registered, (string?)null, (Guid?)null, Channel.Online));

        Clock.Set(Vn(2026, 3, 3, 10));
        var receipt = (await Receive(new ReceiveOnlineSubmission(TestOrg.ClerkA, submitted.DossierId))).Ok();
        receipt.Status.ShouldBe(DossierStatus.Accepted);
        receipt.Code.ShouldBe($"{TestOrg.ShopACode}-260303-0001");
        receipt.AppointmentAt.ShouldBe(Vn(2026, 3, 10, 17));
        (await Events(submitted.DossierId)).Select(e => e.Kind).ShouldBe(["Submitted", "Received"]);
        (await Receive(new ReceiveOnlineSubmission(TestOrg.ClerkA, submitted.DossierId))).Fails(Procedures.Common.ErrorKind.Conflict);
    }

    [Test]
    public async Task Should_refuse_an_online_submission_for_a_procedure_only_received_at_the_counter() =>
        (await Run<SubmitOnlineHandler, Procedures.Common.DomainResult<OnlineSubmission>>(h => h.HandleAsync(new SubmitOnline(
            Guid.NewGuid(), Org.ShopA, Org.Certification, new ApplicantData("Trần Thị Bình"), [], Pages: 1))))
            .Fails(Procedures.Common.ErrorKind.Invalid, "channel");

    private Task<Procedures.Common.DomainResult<ReceptionReceipt>> Receive(ReceiveOnlineSubmission request) =>
        Run<ReceiveDossierHandler, Procedures.Common.DomainResult<ReceptionReceipt>>(h => h.HandleAsync(request));
}
