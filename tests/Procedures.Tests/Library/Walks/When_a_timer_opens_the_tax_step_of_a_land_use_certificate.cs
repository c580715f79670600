using Microsoft.Extensions.DependencyInjection;
using Procedures.Dossiers;
using Procedures.Tests.Dossiers;
using static Procedures.Samples.SampleProvince;

namespace Procedures.Tests.Library.Walks;

public sealed class When_a_timer_opens_the_tax_step_of_a_land_use_certificate : WalkTest
{
    [Test]
    public async Task Should_give_the_tax_office_a_consultation_with_its_deadline_and_show_it_the_dossier()
    {
        var walk = await ReceiveAsync("land-use-certificate-first-issue", YenSonShop, "ys.clerk", inputs: Fields(
            ("taxUnit", Province.Unit(TaxOffice).ToString()), ("issuingUnit", Province.Unit(YenSon).ToString()),
            ("landRegistrationUnit", Province.Unit(LandRegistrationOffice).ToString())), next: [DossierSteps.Assign]);
        await walk.Assign("ys.economy.section-head", "ys.economy.specialist", DossierSteps.Process);
        var postingEnds = Clock.GetUtcNow().AddDays(1);
        await walk.Submit("ys.economy.specialist", Fields(("postingEndsAt", postingEnds.ToString("O"))), []);
        Clock.Set(postingEnds.AddMinutes(1));
        (await FireDueTimers()).ShouldBe(1);

        await using var scope = NewScope();
        var recorded = await scope.ServiceProvider.GetRequiredService<RecordTimerConsultations>().RecordAsync();
        var again = await scope.ServiceProvider.GetRequiredService<RecordTimerConsultations>().RecordAsync();

        (recorded, again).ShouldBe((1, 0));
        var tax = (await Consultations(walk.Id)).Single();
        tax.ShouldSatisfyAllConditions(
            c => c.ConsultedUnitId.ShouldBe(Province.Unit(TaxOffice)),
            c => c.RequestedBy.ShouldBe(RecordTimerConsultations.Requester),
            c => c.DueAt.ShouldBe(Calendar.Add(postingEnds.AddMinutes(1), Engine.Definitions.WorkingTime.Days(5), Province.Unit(TaxOffice).ToString()).ToUniversalTime()),
            c => c.RepliedAt.ShouldBeNull());
        var found = (await scope.ServiceProvider.GetRequiredService<DossierQueries>().SearchAsync(new DossierSearch("tax.officer"))).Ok();
        found.Total.ShouldBe(1);

        await walk.Reply("tax.officer", Fields(("taxNoticeNumber", "TB-0789/2026"), ("financialObligation", "6300000")), ["update-cadastre"]);
        (await Consultations(walk.Id)).Single().ShouldSatisfyAllConditions(c => c.Id.ShouldBe(tax.Id), c => c.RepliedBy.ShouldBe("tax.officer"));
    }
}
