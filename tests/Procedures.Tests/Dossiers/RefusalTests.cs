using Procedures.Common;
using Procedures.Dossiers;

namespace Procedures.Tests.Dossiers;

public sealed class When_a_dossier_is_refused_during_processing : DossierTest
{
    [Test]
    public async Task Should_stop_processing_with_the_reason_when_the_appraisal_finds_it_ineligible()
    {
        var id = (await ReceiveComplete()).DossierId;
        (await Assign(id)).Ok();
        var state = (await Refuse(id, TestOrg.SpecialistA)).Ok();
        state.Status.ShouldBe(DossierStatus.Stopped);
        state.OpenSteps.ShouldBeEmpty();
        var dossier = await Load(id);
        (dossier.Result, dossier.ResultNote).ShouldBe((DossierResult.Refused, "Ngành nghề kinh doanh bị cấm"));
        (await InstanceOutcome(dossier)).ShouldBe("Completed/refused");
        (await Events(id)).Last().Kind.ShouldBe("Refused");
        (await OutboxTypes()).ShouldContain(typeof(DossierRefused).FullName!);
    }

    [Test]
    public async Task Should_let_the_leader_sign_a_refusal_instead_of_the_result()
    {
        var id = (await ReceiveComplete()).DossierId;
        (await Assign(id)).Ok();
        (await Submit(id)).Ok();
        (await Approve(id)).Ok();
        (await Refuse(id, TestOrg.LeaderA, "Địa điểm nằm trong hành lang an toàn giao thông")).Ok().Status.ShouldBe(DossierStatus.Stopped);
    }

    [Test]
    public async Task Should_not_refuse_without_a_reason()
    {
        var id = (await ReceiveComplete()).DossierId;
        (await Assign(id)).Ok();
        (await Refuse(id, TestOrg.SpecialistA, " ")).Fails(ErrorKind.Invalid, "reason");
    }
}

public sealed class When_a_dossier_is_sent_back : DossierTest
{
    [Test]
    public async Task Should_loop_back_to_the_specialist_with_the_reason_recorded_each_time()
    {
        var id = (await ReceiveComplete()).DossierId;
        (await Assign(id)).Ok();
        (await Submit(id)).Ok();
        var back = (await SendBack(id, TestOrg.HeadA, "Thiếu căn cứ")).Ok();
        (back.Status, back.OpenSteps.Single()).ShouldBe((DossierStatus.Processing, "process"));
        (await Submit(id)).Ok();
        (await Approve(id)).Ok();
        (await SendBack(id, TestOrg.LeaderA, "Sửa tên ngành nghề")).Ok().OpenSteps.ShouldBe(["process"]);
        (await Submit(id)).Ok();
        (await Approve(id)).Ok();
        (await Sign(id)).Ok().Status.ShouldBe(DossierStatus.Finished);

        var events = await Events(id);
        events.Where(e => e.Kind == "SentBack").Select(e => (e.Step, e.Comment, e.Receiver))
            .ShouldBe([("review", "Thiếu căn cứ", TestOrg.SpecialistA), ("sign", "Sửa tên ngành nghề", TestOrg.SpecialistA)]);
        events.Count(e => e.Kind == "Appraised").ShouldBe(3);
        (await Load(id)).SignedOnBehalfOf.ShouldBeNull();
    }

    [Test]
    public async Task Should_need_a_reason_to_send_back()
    {
        var id = (await ReceiveComplete()).DossierId;
        (await Assign(id)).Ok();
        (await Submit(id)).Ok();
        (await SendBack(id, TestOrg.HeadA, "")).Fails(ErrorKind.Invalid, "reason");
    }
}
