using Procedures.Dossiers;
using Procedures.Tests.Dossiers;
using static Procedures.Samples.SampleProvince;

namespace Procedures.Tests.Library.Walks;

/// <summary>
/// The sample province staffs its specialists and section heads in sections under the competent commune or
/// department, while the steps are at the competent unit itself: a section acts for its agency.
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
    [TestCase("judicial-record-certificate", ProvincialPoliceShop, "ca.clerk", "ca.section-head", "ca.specialist1")]
    public async Task Should_let_the_section_head_assign_a_specialist_of_the_section(string workflow, string shop, string clerk, string head, string specialist)
    {
        var inputs = workflow == "judicial-record-certificate" ? Fields(("policeUnit", Province.Unit(YenSonPolice).ToString())) : null;
        var walk = await ReceiveAsync(workflow, shop, clerk, inputs: inputs, next: [DossierSteps.Assign]);

        var assigned = await walk.Try<AssignDossierHandler>(h => h.HandleAsync(new AssignDossier(walk.Id, head, specialist)));

        assigned.Error.ShouldBeNull();
        (await Load(walk.Id)).Status.ShouldBe(DossierStatus.Processing);
    }
}
