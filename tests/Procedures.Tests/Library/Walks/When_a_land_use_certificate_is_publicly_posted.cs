using Engine.Definitions;
using Procedures.Dossiers;
using static Procedures.Samples.SampleProvince;

namespace Procedures.Tests.Library.Walks;

/// <summary>The land procedure's 15-day public posting is not counted in its 20-working-day limit.</summary>
public sealed class When_a_land_use_certificate_is_publicly_posted : WalkTest
{
    [Test]
    public async Task Should_move_the_appointment_by_the_working_time_of_the_posting_and_finish_on_time()
    {
        Clock.Set(Vn(2026, 3, 2, 8, 0));
        var walk = await ReceiveAsync("land-use-certificate-first-issue", HamYenShop, "hy.clerk", inputs: Fields(
            ("taxUnit", Province.Unit(TaxOffice).ToString()), ("issuingUnit", Province.Unit(HamYen).ToString()),
            ("landRegistrationUnit", Province.Unit(LandRegistrationOffice).ToString())), next: [DossierSteps.Assign]);
        var received = await Load(walk.Id);
        walk.Pace = TimeSpan.FromHours(4);
        await walk.Assign("hy.economy.section-head", "hy.economy.specialist", DossierSteps.Process);
        var postingStarts = Clock.GetUtcNow().Add(walk.Pace);
        var postingEnds = postingStarts.AddDays(15);

        await walk.Submit("hy.economy.specialist", Fields(("postingEndsAt", postingEnds.ToString("O"))), []);

        var shop = Province.Unit(HamYenShop).ToString();
        var uncounted = Calendar.WorkingHoursBetween(postingStarts, postingEnds, shop);
        uncounted.ShouldBeInRange(10 * 7m, 11 * 8m); // 15 calendar days from a Monday afternoon: 10 working days and a part
        var posted = await Load(walk.Id);
        posted.AppointmentAt.ShouldBe(Calendar.Add(received.AppointmentAt!.Value, WorkingTime.Hours(uncounted), shop).ToUniversalTime());

        Clock.Set(postingEnds.AddMinutes(1));
        (await FireDueTimers()).ShouldBe(1);
        await walk.Reply("tax.officer", Fields(("taxNoticeNumber", "TB-0321/2026"), ("financialObligation", "9800000")), ["update-cadastre"]);
        await walk.Complete("vpdk.specialist", "update-cadastre", "done", Fields(("certificateSerial", "DA 123456")), [DossierSteps.Review], DossierStatus.FinancialObligation);
        await walk.Approve("hy.economy.section-head", DossierStatus.FinancialObligation, DossierSteps.Sign);
        await walk.Sign("hy.leader", DossierSteps.ReturnResult);

        var finished = await Load(walk.Id);
        finished.ShouldSatisfyAllConditions(d => d.Status.ShouldBe(DossierStatus.Finished), d => d.FinishedAt!.Value.ShouldBeLessThan(d.AppointmentAt!.Value),
            d => d.Timeliness.ShouldNotBe(Timeliness.Late));
    }
}
