using Microsoft.Extensions.DependencyInjection;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Tests.Dossiers;
using static Procedures.Samples.SampleProvince;

namespace Procedures.Tests.Library.Walks;

public sealed class When_a_library_dossier_runs_against_its_appointment : WalkTest
{
    [Test]
    public async Task Should_list_an_overdue_residence_dossier_take_one_apology_with_a_new_date_and_refuse_a_second()
    {
        var walk = await ReceiveAsync("permanent-residence-registration", HamYenShop, "hy.clerk", processingUnit: HamYenPolice, next: [DossierSteps.Assign]);
        var first = (await Load(walk.Id)).AppointmentAt!.Value;
        first.ShouldBe(Vn(2026, 3, 12, 17, 0));
        await walk.Assign("hy.police.section-head", "hy.police.officer", DossierSteps.Process);
        Clock.Set(Vn(2026, 3, 13, 8, 0));

        var overdue = await Deadlines("hy.police.leader");
        overdue.Dossiers.ShouldContain(d => d.DossierId == walk.Id && d.State == DeadlineState.Overdue && !d.ApologyIssued);
        await walk.Apologise("hy.police.leader", new DateOnly(2026, 3, 18), HamYenPolice, DossierStatus.Processing, DossierSteps.Process);
        var dossier = await Load(walk.Id);
        dossier.ShouldSatisfyAllConditions(d => d.AppointmentAt.ShouldBe(Vn(2026, 3, 18, 17, 0)), d => d.OriginalAppointmentAt.ShouldBe(first),
            d => d.ApologyBy.ShouldBe("hy.police.leader"), d => d.DelayUnitId.ShouldBe(Province.Unit(HamYenPolice)));
        (await Deadlines("hy.police.leader")).Dossiers.ShouldNotContain(d => d.DossierId == walk.Id);
        var second = await walk.Try<IssueApologyHandler>(h => h.HandleAsync(
            new IssueApology(walk.Id, "hy.police.section-head", "Chưa xác minh xong", new DateOnly(2026, 3, 25), Province.Unit(HamYenPolice))));
        second.Fails(ErrorKind.Conflict).Code.ShouldBe("apology-already-issued");

        await walk.Submit("hy.police.officer", Fields(("residenceBasis", "rented-or-borrowed")), [DossierSteps.Review]);
        await walk.Approve("hy.police.section-head", DossierSteps.Sign);
        await walk.Sign("hy.police.leader", DossierSteps.ReturnResult);
        await walk.Return("hy.clerk");

        await ShouldBeReturnedAndArchived(walk);
        (await Load(walk.Id)).Timeliness.ShouldBe(Timeliness.Early);
    }

    [Test]
    public async Task Should_appoint_a_same_day_birth_registration_received_at_15_05_for_the_next_working_day_at_closing()
    {
        Clock.Set(Vn(2026, 3, 3, 15, 5));

        var walk = await ReceiveAsync("birth-registration", YenSonShop, "ys.clerk", next: [DossierSteps.Process]);

        (await Load(walk.Id)).AppointmentAt.ShouldBe(Vn(2026, 3, 4, 17, 0));
        Clock.Set(Vn(2026, 3, 4, 8, 0));
        await walk.Submit("ys.specialist2", Fields(("personalId", "008226019876")), [DossierSteps.Sign]);
        await walk.Sign("ys.leader", DossierSteps.ReturnResult);
        await walk.Return("ys.clerk");
        await ShouldBeReturnedAndArchived(walk);
        (await Load(walk.Id)).Timeliness.ShouldBe(Timeliness.OnTime);
    }

    [Test]
    public async Task Should_count_a_household_business_received_before_Tet_2026_from_the_working_days_after_it()
    {
        Clock.Set(Vn(2026, 2, 13, 10, 0));

        var walk = await ReceiveAsync("household-business-registration", HamYenShop, "hy.clerk", next: [DossierSteps.Assign]);

        (await Load(walk.Id)).AppointmentAt.ShouldBe(Vn(2026, 2, 25, 17, 0));
        Clock.Set(Vn(2026, 2, 23, 8, 0));
        walk.Pace = TimeSpan.FromHours(2);
        await walk.Assign("hy.economy.section-head", "hy.economy.specialist", DossierSteps.Process);
        await walk.Submit("hy.economy.specialist", Fields(("registrationNumber", "08B8000777")), [DossierSteps.Review]);
        await walk.Approve("hy.economy.section-head", DossierSteps.Sign);
        await walk.Sign("hy.leader", DossierSteps.ReturnResult);
        await walk.Return("hy.clerk");
        await ShouldBeReturnedAndArchived(walk);
    }

    private async Task<DeadlineReport> Deadlines(string actor)
    {
        await using var scope = NewScope();
        return (await scope.ServiceProvider.GetRequiredService<OverdueQueries>().ListAsync(actor)).Ok();
    }
}
