using Microsoft.Extensions.DependencyInjection;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Tests.Dossiers;
using static Procedures.Samples.SampleProvince;

namespace Procedures.Tests.Library.Walks;

/// <summary>
/// The sample province staffs its specialists and section heads in sections under the competent commune or
/// department, while the steps are at the competent unit itself: a section acts for its agency (once gap G1).
/// </summary>
public sealed class When_section_officials_of_the_sample_province_act_on_their_units_dossiers : WalkTest
{
    [Test]
    public async Task Should_let_the_civil_status_officer_appraise_a_birth_registration()
    {
        var walk = await ReceiveAsync("birth-registration", YenSonShop, "ys.clerk", next: [DossierSteps.Process]);

        var appraised = await walk.Try<SubmitAppraisalHandler>(h => h.HandleAsync(
            new SubmitAppraisal(walk.Id, "ys.specialist1", "Đủ điều kiện", Fields: Fields(("personalId", "008226012345")))));

        appraised.Error.ShouldBeNull();
    }

    [TestCase("household-business-registration", YenSonShop, "ys.clerk", "ys.economy.section-head", "ys.economy.specialist")]
    [TestCase("construction-permit-house", HamYenShop, "hy.clerk", "hy.economy.section-head", "hy.economy.specialist")]
    [TestCase("judicial-record-certificate", DepartmentShop, "stp.clerk", "stp.section-head", "stp.specialist1")]
    public async Task Should_let_the_section_head_assign_a_specialist_of_the_section(string workflow, string shop, string clerk, string head, string specialist)
    {
        var inputs = workflow == "judicial-record-certificate" ? Fields(("policeUnit", Province.Unit(YenSonPolice).ToString())) : null;
        var walk = await ReceiveAsync(workflow, shop, clerk, inputs: inputs, next: [DossierSteps.Assign]);

        var assigned = await walk.Try<AssignDossierHandler>(h => h.HandleAsync(new AssignDossier(walk.Id, head, specialist)));

        assigned.Error.ShouldBeNull();
        (await Load(walk.Id)).Status.ShouldBe(DossierStatus.Processing);
    }
}

public sealed class When_a_library_step_has_no_use_case : WalkTest
{
    /// <summary>
    /// Gap G5: <c>marriage-registration</c>'s <c>process</c> offers <c>verify</c> (to the specialist's own <c>verify</c> step);
    /// no use case takes it — consultation is the only one taking another action at <c>process</c>, and it wants a consulted unit.
    /// </summary>
    [Test]
    public async Task Should_leave_the_marriage_verification_unreachable()
    {
        var walk = await ReceiveAsync("marriage-registration", HamYenShop, "hy.clerk", next: [DossierSteps.Process]);

        var verify = await walk.Try<RequestConsultationHandler>(h => h.HandleAsync(new RequestConsultation(walk.Id, "hy.specialist1",
            "Xác minh tình trạng hôn nhân", Action: "verify", Fields: Fields(("verificationReason", "Cần xác minh tình trạng hôn nhân tại nơi cư trú trước")))));

        verify.Fails(ErrorKind.Invalid, "action").Code.ShouldBe("no-consultation");
        (await Load(walk.Id)).Status.ShouldBe(DossierStatus.Accepted);
        await walk.ShouldHaveRecordedEachUseCase();
    }
}

public sealed class When_a_citizen_submits_a_residence_registration_online : WalkTest
{
    /// <summary>
    /// Gap G6: the catalogue offers residence registration online, but <c>SubmitOnline</c> cannot name the processing unit,
    /// and the competent commune police is not above the commune's one-stop shop, so no unit is found.
    /// </summary>
    [TestCase("permanent-residence-registration")]
    [TestCase("temporary-residence-registration")]
    public async Task Should_be_refused_for_want_of_a_competent_unit(string workflow)
    {
        var procedure = Province.Procedure(workflow);
        procedure.Channels.ShouldContain(Procedures.Catalogue.Channel.Online);

        await using var scope = NewScope();
        var submitted = await scope.ServiceProvider.GetRequiredService<SubmitOnlineHandler>().HandleAsync(
            new SubmitOnline(Guid.NewGuid(), Province.Unit(YenSonShop), procedure.Id, Applicant(), AllRequired(procedure)));

        submitted.Fails(ErrorKind.Invalid, "processingUnitId").Code.ShouldBe("unit-not-competent");
    }
}

public sealed class When_a_timer_opens_the_tax_step_of_a_land_use_certificate : WalkTest
{
    /// <summary>
    /// Gap G7: consultation rows are written by the use case whose move opens a consulted step; the land tax step is opened
    /// by the posting timer, outside any use case, so until the reply there is no consultation and the tax office's search
    /// (receiving, processing or consulted unit) does not find the dossier it must answer.
    /// </summary>
    [Test]
    public async Task Should_not_show_the_tax_office_the_dossier_waiting_for_its_notice()
    {
        var walk = await ReceiveAsync("land-use-certificate-first-issue", YenSonShop, "ys.clerk", inputs: Fields(
            ("taxUnit", Province.Unit(TaxOffice).ToString()), ("issuingUnit", Province.Unit(YenSon).ToString())), next: [DossierSteps.Assign]);
        await walk.Assign("ys.economy.section-head", "ys.economy.specialist", DossierSteps.Process);
        var postingEnds = Clock.GetUtcNow().AddDays(1);
        await walk.Submit("ys.economy.specialist", Fields(("postingEndsAt", postingEnds.ToString("O"))), []);
        Clock.Set(postingEnds.AddMinutes(1));
        (await FireDueTimers()).ShouldBe(1);

        await using var scope = NewScope();
        var found = (await scope.ServiceProvider.GetRequiredService<DossierQueries>().SearchAsync(new DossierSearch("tax.officer"))).Ok();

        (await Consultations(walk.Id)).ShouldBeEmpty();
        found.Total.ShouldBe(0);
    }
}
