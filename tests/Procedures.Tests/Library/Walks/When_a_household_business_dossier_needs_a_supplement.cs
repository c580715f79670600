using Procedures.Calendar;
using Procedures.Dossiers;
using Procedures.Tests.Dossiers;
using static Procedures.Samples.SampleProvince;

namespace Procedures.Tests.Library.Walks;

public sealed class When_a_household_business_dossier_needs_a_supplement : WalkTest
{
    private const string Workflow = "household-business-registration";

    [Test]
    public async Task Should_restart_the_clock_at_the_complete_supplement_refuse_a_second_request_and_still_reach_the_archive()
    {
        var procedure = Province.Procedure(Workflow);
        var required = procedure.RequiredDocuments.Where(d => !d.IsOptional).OrderBy(d => d.Order).ToList();
        var (walk, receipt) = await CounterAsync(Workflow, YenSonShop, "ys.clerk", ReceptionDecision.RequestSupplement, [DossierSteps.AwaitSupplement],
            documents: [new HandedDocument(required[0].Id)]);
        receipt.ShouldSatisfyAllConditions(r => r.AppointmentAt.ShouldBeNull(), r => r.MissingItems.ShouldBe(required.Skip(1).Select(d => d.Name)),
            r => r.SupplementDueAt.ShouldBe(Calendar.ComputeAppointment(r.ReceivedAt, LegalTimeLimit.WorkingDays(10), Shop)));
        walk.Pace = TimeSpan.FromDays(1);

        await walk.ReceiveSupplement("ys.clerk", [.. required.Skip(1).Select(d => new HandedDocument(d.Id))], DossierStatus.Accepted, DossierSteps.Assign);
        await ShouldCountFromNow(walk);
        walk.Pace = TimeSpan.FromHours(2);
        await walk.Assign("ys.economy.section-head", "ys.economy.specialist", DossierSteps.Process);
        // The one supplement the decree allows was asked at the counter: a second one would restart the clock in full again.
        var second = await walk.Try<RequestSupplementHandler>(h => h.HandleAsync(
            new RequestSupplement(walk.Id, "ys.economy.specialist", ["Bản sao hợp đồng thuê địa điểm kinh doanh"], "Thiếu hợp đồng thuê")));
        second.Fails(Procedures.Common.ErrorKind.Conflict, "missingItems").Code.ShouldBe("supplement-limit-reached");
        (await Load(walk.Id)).Status.ShouldBe(DossierStatus.Processing);
        walk.Pace = TimeSpan.FromHours(1);
        await walk.Submit("ys.economy.specialist", Fields(("registrationNumber", "08A8001235")), [DossierSteps.Review]);
        await walk.Approve("ys.economy.section-head", DossierSteps.Sign);
        await walk.Sign("ys.deputy", DossierSteps.ReturnResult);
        await walk.Return("ys.clerk");

        await ShouldBeReturnedAndArchived(walk);
        (await Load(walk.Id)).ShouldSatisfyAllConditions(d => d.SupplementCount.ShouldBe(1), d => d.MissingItems.ShouldBeEmpty(),
            d => d.Timeliness.ShouldBe(Timeliness.Early));
    }

    [Test]
    public async Task Should_refuse_a_supplement_request_after_the_window_of_three_working_days()
    {
        var walk = await ReceiveAsync(Workflow, YenSonShop, "ys.clerk", next: [DossierSteps.Assign]);
        await walk.Assign("ys.economy.section-head", "ys.economy.specialist", DossierSteps.Process);
        Clock.Set(Vn(2026, 3, 9, 9, 0)); // Monday: the window ended on Friday 17:00

        var late = await walk.Try<RequestSupplementHandler>(h => h.HandleAsync(
            new RequestSupplement(walk.Id, "ys.economy.specialist", ["Sơ đồ vị trí"], "Thiếu sơ đồ vị trí")));

        late.Fails(Procedures.Common.ErrorKind.Conflict).Code.ShouldBe("supplement-window-closed");
        (await Load(walk.Id)).Status.ShouldBe(DossierStatus.Processing);
    }

    private string Shop => Province.Unit(YenSonShop).ToString();

    private async Task ShouldCountFromNow(DossierWalk walk)
    {
        var dossier = await Load(walk.Id);
        dossier.ClockStartedAt.ShouldBe(Clock.GetUtcNow());
        dossier.AppointmentAt.ShouldBe(Calendar.ComputeAppointment(Clock.GetUtcNow(), LegalTimeLimit.WorkingDays(3), Shop));
        dossier.OriginalAppointmentAt.ShouldBe(dossier.AppointmentAt);
    }
}
