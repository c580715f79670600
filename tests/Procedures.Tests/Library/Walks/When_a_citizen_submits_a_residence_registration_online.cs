using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Persistence;
using Procedures.Tests.Dossiers;
using static Procedures.Samples.SampleProvince;

namespace Procedures.Tests.Library.Walks;

public sealed class When_a_citizen_submits_a_residence_registration_online : WalkTest
{
    [TestCase("permanent-residence-registration", YenSonShop, "ys.clerk", YenSonPolice, "ys.police")]
    [TestCase("temporary-residence-registration", HamYenShop, "hy.clerk", HamYenPolice, "hy.police")]
    public async Task Should_name_the_commune_police_and_be_processed_there(string workflow, string shop, string clerk, string police, string staff)
    {
        var procedure = Province.Procedure(workflow);
        procedure.Channels.ShouldContain(Procedures.Catalogue.Channel.Online);
        var walk = new DossierWalk(Services, Clock, Province);

        await walk.SubmitOnlineAsync(new SubmitOnline(Guid.NewGuid(), Province.Unit(shop), procedure.Id, Applicant(), AllRequired(procedure),
            ProcessingUnitId: Province.Unit(police)));
        (await Load(walk.Id)).ProcessingUnitId.ShouldBe(Province.Unit(police));
        await walk.ReceiveOnlineAsync(clerk, ReceptionDecision.Accept, null, [DossierSteps.Assign]);
        await walk.Assign($"{staff}.section-head", $"{staff}.officer", DossierSteps.Process);

        await walk.ShouldHaveRecordedEachUseCase();
    }

    [Test]
    public async Task Should_refuse_a_processing_unit_that_is_not_competent_and_write_nothing()
    {
        var procedure = Province.Procedure("permanent-residence-registration");
        await using var scope = NewScope();

        var submitted = await scope.ServiceProvider.GetRequiredService<SubmitOnlineHandler>().HandleAsync(
            new SubmitOnline(Guid.NewGuid(), Province.Unit(YenSonShop), procedure.Id, Applicant(), AllRequired(procedure), ProcessingUnitId: Province.Unit(TaxOffice)));

        submitted.Fails(ErrorKind.Invalid, "processingUnitId").Code.ShouldBe("unit-not-competent");
        (await scope.ServiceProvider.GetRequiredService<ProceduresDb>().Dossiers.CountAsync()).ShouldBe(0);
    }
}
