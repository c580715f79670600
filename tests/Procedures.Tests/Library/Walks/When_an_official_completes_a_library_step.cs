using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Tests.Dossiers;
using static Procedures.Samples.SampleProvince;

namespace Procedures.Tests.Library.Walks;

/// <summary>The generic "take this action at this step" use case keeps the rules of the dedicated ones: role, unit, step, history.</summary>
public sealed class When_an_official_completes_a_library_step : WalkTest
{
    private const string UpdateCadastre = "update-cadastre";

    [Test]
    public async Task Should_refuse_an_official_without_the_steps_role_in_its_unit_and_write_nothing()
    {
        var walk = await AtTheCadastreUpdate();

        var byClerk = await walk.Try<CompleteStepHandler>(h => h.HandleAsync(new CompleteStep(walk.Id, "ys.clerk", UpdateCadastre, "done")));
        var byOtherCommune = await walk.Try<CompleteStepHandler>(h => h.HandleAsync(new CompleteStep(walk.Id, "hy.economy.specialist", UpdateCadastre, "done")));
        // The cadastre is the land registration office's: the commune's own specialist may not update it.
        var byCommuneSpecialist = await walk.Try<CompleteStepHandler>(h => h.HandleAsync(new CompleteStep(walk.Id, "ys.economy.specialist", UpdateCadastre, "done",
            Fields: new Dictionary<string, string> { ["certificateSerial"] = "DA 000002" })));

        byClerk.Fails(ErrorKind.Forbidden);
        byOtherCommune.Fails(ErrorKind.NotFound);
        byCommuneSpecialist.Fails(ErrorKind.Forbidden);
        (await Load(walk.Id)).Status.ShouldBe(DossierStatus.Processing);
        await walk.ShouldHaveRecordedEachUseCase();
    }

    [Test]
    public async Task Should_refuse_an_action_the_step_does_not_offer_or_a_step_that_is_not_open()
    {
        var walk = await AtTheCadastreUpdate();

        var unknown = await walk.Try<CompleteStepHandler>(h => h.HandleAsync(new CompleteStep(walk.Id, "vpdk.specialist", UpdateCadastre, "approve")));
        var closed = await walk.Try<CompleteStepHandler>(h => h.HandleAsync(new CompleteStep(walk.Id, "ys.economy.specialist", DossierSteps.Review, "approve")));

        unknown.Fails(ErrorKind.Invalid, "action");
        closed.Fails(ErrorKind.Invalid, "action").Code.ShouldBe("action-not-allowed");
        await walk.ShouldHaveRecordedEachUseCase();
    }

    [TestCase(DossierSteps.Process, "submit", nameof(SubmitAppraisal))]
    [TestCase("tax-assessment", "reply", nameof(ReplyToConsultation))]
    [TestCase(UpdateCadastre, "refuse", nameof(RefuseDossier))]
    [TestCase(DossierSteps.Sign, "sign", nameof(SignDossier))]
    [TestCase(DossierSteps.Receive, "accept", nameof(ReceiveAtCounter))]
    public async Task Should_send_an_action_with_rules_of_its_own_to_its_use_case(string step, string action, string useCase)
    {
        var walk = await AtTheCadastreUpdate();

        var taken = await walk.Try<CompleteStepHandler>(h => h.HandleAsync(new CompleteStep(walk.Id, "ys.economy.specialist", step, action)));

        taken.Fails(ErrorKind.Invalid, "action").ShouldSatisfyAllConditions(e => e.Code.ShouldBe("use-case-required"), e => e.MessageEn.ShouldContain(useCase));
        await walk.ShouldHaveRecordedEachUseCase();
    }

    [Test]
    public async Task Should_record_the_step_the_action_the_comment_and_the_next_steps()
    {
        var walk = await AtTheCadastreUpdate();

        await walk.Complete("vpdk.specialist", UpdateCadastre, "done", Fields(("certificateSerial", "DA 000001")), [DossierSteps.Review], DossierStatus.FinancialObligation, "Đã in Giấy chứng nhận");

        await walk.ShouldHaveRecordedEachUseCase();
    }

    private async Task<DossierWalk> AtTheCadastreUpdate()
    {
        var walk = await ReceiveAsync("land-use-certificate-first-issue", YenSonShop, "ys.clerk", inputs: Fields(
            ("taxUnit", Province.Unit(TaxOffice).ToString()), ("issuingUnit", Province.Unit(YenSon).ToString()),
            ("landRegistrationUnit", Province.Unit(LandRegistrationOffice).ToString())), next: [DossierSteps.Assign]);
        await walk.Assign("ys.economy.section-head", "ys.economy.specialist", DossierSteps.Process);
        var postingEnds = Clock.GetUtcNow().AddDays(1);
        await walk.Submit("ys.economy.specialist", Fields(("postingEndsAt", postingEnds.ToString("O"))), []);
        Clock.Set(postingEnds.AddMinutes(1));
        (await FireDueTimers()).ShouldBe(1);
        await walk.Reply("tax.officer", Fields(("taxNoticeNumber", "TB-0001/2026"), ("financialObligation", "1000000")), [UpdateCadastre]);
        return walk;
    }
}
