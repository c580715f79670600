using Engine.Definitions;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Organisation;
using Procedures.Tests.Dossiers;
using static Procedures.Samples.SampleProvince;

namespace Procedures.Tests.Library.Walks;

/// <summary>Who the sample province's library makes competent, as the law now says (workflows/README.md, docs/procedures.md).</summary>
public sealed class When_the_competent_agency_follows_the_law : WalkTest
{
    [Test]
    public async Task Should_have_judicial_record_certificates_issued_by_the_provincial_police_and_not_the_department_of_justice()
    {
        await using var scope = NewScope();
        var competent = await scope.ServiceProvider.GetRequiredService<CompetentUnitsQuery>().HandleAsync(
            new FindCompetentUnits(Province.Procedure("judicial-record-certificate").Id, new DateOnly(2026, 3, 3)));

        competent.Select(c => c.UnitCode).ShouldBe([ProvincialPolice]);
        var latest = WorkflowLibrary.Definitions.Where(d => d.Id == "judicial-record-certificate").MaxBy(d => d.Version)!;
        latest.Inputs.Single(i => i.Name == "processingUnit").Title.ShouldNotBeNull().ShouldContain("Công an cấp tỉnh");
    }

    [Test]
    public async Task Should_refuse_a_judicial_record_request_received_at_the_department_of_justice()
    {
        var procedure = Province.Procedure("judicial-record-certificate");
        await using var scope = NewScope();
        var received = await scope.ServiceProvider.GetRequiredService<ReceiveDossierHandler>().HandleAsync(new ReceiveAtCounter("stp.clerk",
            Province.Unit(DepartmentShop), procedure.Id, Applicant(), AllRequired(procedure), ReceptionDecision.Accept, null,
            WorkflowInputs: Fields(("policeUnit", Province.Unit(YenSonPolice).ToString()))));

        received.Fails(ErrorKind.Invalid, "processingUnitId").Code.ShouldBe("unit-not-competent");
    }

    [Test]
    public void Should_change_a_household_business_by_its_registration_number_without_an_enterprise_code()
    {
        var latest = WorkflowLibrary.Definitions.Where(d => d.Id == "business-line-change").MaxBy(d => d.Version)!;

        latest.Inputs.Select(i => i.Name).ShouldNotContain("enterpriseCode");
        latest.Inputs.ShouldContain(i => i.Name == "householdBusinessNumber" && i.Required && i.Type == FieldType.Text);
        Province.Procedure("business-line-change").Level.ShouldBe(DefaultUnitTypes.Commune);
        latest.Inputs.Single(i => i.Name == "processingUnit").Title.ShouldNotBeNull().ShouldContain("cấp xã");
    }

    [Test]
    public async Task Should_receive_a_household_business_line_change_at_the_commune_and_have_the_economic_section_process_it()
    {
        var walk = await ReceiveAsync("business-line-change", YenSonShop, "ys.clerk", inputs: Fields(("householdBusinessNumber", "08A8012345")),
            next: [DossierSteps.Assign]);

        await walk.Assign("ys.economy.section-head", "ys.economy.specialist", DossierSteps.Process);

        (await Load(walk.Id)).ProcessingUnitId.ShouldBe(Province.Unit(YenSon));
    }

    [Test]
    public void Should_send_the_land_certificate_through_the_land_registration_office()
    {
        var latest = WorkflowLibrary.Definitions.Where(d => d.Id == "land-use-certificate-first-issue").MaxBy(d => d.Version)!;

        latest.FindStep("update-cadastre").ShouldNotBeNull().Unit.ShouldBe("$landRegistrationUnit");
        latest.Inputs.ShouldContain(i => i.Name == "landRegistrationUnit" && i.Required && i.Type == FieldType.Unit);
        Province.Unit(LandRegistrationOffice).ShouldNotBe(Guid.Empty);
    }
}
