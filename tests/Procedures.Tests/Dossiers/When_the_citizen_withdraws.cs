using Procedures.Common;
using Procedures.Dossiers;

namespace Procedures.Tests.Dossiers;

public sealed class When_the_citizen_withdraws : DossierTest
{
    private Task<DomainResult<DossierState>> Withdraw(Guid id, string actor) =>
        Run<WithdrawDossierHandler, DomainResult<DossierState>>(h => h.HandleAsync(new WithdrawDossier(id, actor, "Công dân xin rút để bổ sung ngành nghề")));

    [Test]
    public async Task Should_take_the_withdraw_action_of_the_step_where_the_dossier_is()
    {
        var id = (await ReceiveComplete()).DossierId;
        (await Assign(id)).Ok();
        var state = (await Withdraw(id, TestOrg.SpecialistA)).Ok();
        (state.Status, state.OpenSteps.Count).ShouldBe((DossierStatus.Withdrawn, 0));
        var dossier = await Load(id);
        (dossier.Result, dossier.ResultNote).ShouldBe((DossierResult.Withdrawn, "Công dân xin rút để bổ sung ngành nghề"));
        (await InstanceOutcome(dossier)).ShouldBe("Completed/withdrawn");
        (await Events(id)).Last().Step.ShouldBe("process");
        (await OutboxTypes()).ShouldContain(typeof(DossierWithdrawn).FullName!);
    }

    [Test]
    public async Task Should_let_the_clerk_cancel_the_workflow_where_the_step_offers_no_withdrawal()
    {
        var id = (await ReceiveComplete()).DossierId;
        (await Withdraw(id, TestOrg.HeadA)).Fails(ErrorKind.Forbidden);
        (await Withdraw(id, TestOrg.ClerkA)).Ok().Status.ShouldBe(DossierStatus.Withdrawn);
        (await InstanceOutcome(await Load(id))).ShouldBe("Cancelled/");
        (await OutboxTypes()).ShouldContain(typeof(DossierWithdrawn).FullName!);
    }

    [Test]
    public async Task Should_withdraw_while_waiting_for_a_supplement()
    {
        var id = (await Receive(Complete() with { Documents = [new(Org.Form)], Decision = ReceptionDecision.RequestSupplement })).Ok().DossierId;
        (await Withdraw(id, TestOrg.ClerkA)).Ok().Status.ShouldBe(DossierStatus.Withdrawn);
        (await InstanceOutcome(await Load(id))).ShouldBe("Completed/withdrawn");
    }

    [Test]
    public async Task Should_not_withdraw_once_the_result_is_signed()
    {
        var id = (await ReceiveComplete()).DossierId;
        await SignOff(id);
        var before = await Snapshot();
        (await Withdraw(id, TestOrg.ClerkA)).Fails(ErrorKind.Conflict).Code.ShouldBe("dossier-closed");
        (await Snapshot()).ShouldBe(before);
    }

    [Test]
    public async Task Should_let_the_citizen_withdraw_an_online_submission_not_yet_received_and_no_one_else()
    {
        var citizen = Guid.NewGuid();
        var id = (await Run<SubmitOnlineHandler, DomainResult<OnlineSubmission>>(h => h.HandleAsync(new SubmitOnline(
            citizen, Org.ShopA, Org.Business, new ApplicantData("Trần Thị Bình"), [new(Org.Form)])))).Ok().DossierId;
        Task<DomainResult<DossierState>> Withdraw(Guid account) =>
            Run<WithdrawDossierHandler, DomainResult<DossierState>>(h => h.HandleAsync(new WithdrawSubmission(id, account, "Nộp nhầm thủ tục")));
        (await Withdraw(Guid.NewGuid())).Fails(ErrorKind.NotFound);
        (await Withdraw(citizen)).Ok().Status.ShouldBe(DossierStatus.Withdrawn);
        (await Events(id)).Select(e => e.Kind).ShouldBe(["Submitted", "Withdrawn"]);
    }
}
