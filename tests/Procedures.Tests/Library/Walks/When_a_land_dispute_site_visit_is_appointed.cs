using Procedures.Dossiers;
using static Procedures.Samples.SampleProvince;

namespace Procedures.Tests.Library.Walks;

/// <summary>
/// Land dispute conciliation at the commune: the specialist records the date and time of the site visit given to the parties,
/// and the visit's step opens at that moment (a timer until <c>siteVisitAt</c>), not before.
/// </summary>
public sealed class When_a_land_dispute_site_visit_is_appointed : WalkTest
{
    private const string SiteVisit = "site-visit";

    [Test]
    public async Task Should_open_the_site_visit_at_its_appointment_then_conciliate_sign_and_return_the_minutes()
    {
        Clock.Set(Vn(2026, 3, 2, 8, 0));
        var walk = await ReceiveAsync("land-dispute-conciliation", YenSonShop, "ys.clerk",
            inputs: Fields(("parcel", "Thửa 88, tờ bản đồ 5"), ("otherParty", "Ông Lê Văn Bình")), next: [DossierSteps.Assign]);
        walk.Pace = TimeSpan.FromHours(2);
        await walk.Assign("ys.economy.section-head", "ys.economy.specialist", DossierSteps.Process);
        var appointment = Vn(2026, 3, 5, 8, 30);

        await walk.Complete("ys.economy.specialist", DossierSteps.Process, "schedule-site-visit",
            Fields(("siteVisitAt", appointment.ToString("O")), ("siteVisitPlace", "Tại khu đất tranh chấp, thôn Đồng Chằm")), []);

        (await NextTimerDue(walk.Id)).ShouldBe(appointment.ToUniversalTime());
        Clock.Set(appointment.AddMinutes(-5));
        (await FireDueTimers()).ShouldBe(0);
        Clock.Set(appointment.AddMinutes(1));
        (await FireDueTimers()).ShouldBe(1);

        await walk.Complete("ys.economy.specialist", SiteVisit, "done", Fields(("siteVisitMinutes", "bien-ban-xem-xet-thuc-dia.pdf")), ["conciliate"]);
        await walk.Complete("ys.economy.specialist", "conciliate", "record",
            Fields(("conciliationOutcome", "succeeded"), ("conciliationMinutes", "bien-ban-hoa-giai.pdf")), [DossierSteps.Review]);
        await walk.Approve("ys.economy.section-head", DossierSteps.Sign);
        await walk.Sign("ys.deputy", DossierSteps.ReturnResult);
        await walk.Return("ys.clerk");

        await ShouldBeReturnedAndArchived(walk);
        (await Load(walk.Id)).Timeliness.ShouldNotBe(Timeliness.Late);
    }

    [Test]
    public async Task Should_not_schedule_a_site_visit_without_its_date_and_time()
    {
        var walk = await ReceiveAsync("land-dispute-conciliation", HamYenShop, "hy.clerk", next: [DossierSteps.Assign]);
        await walk.Assign("hy.economy.section-head", "hy.economy.specialist", DossierSteps.Process);

        var unscheduled = await walk.Try<CompleteStepHandler>(h => h.HandleAsync(new CompleteStep(walk.Id, "hy.economy.specialist", DossierSteps.Process,
            "schedule-site-visit", Fields: new Dictionary<string, string> { ["siteVisitPlace"] = "Tại khu đất" })));

        unscheduled.Error.ShouldNotBeNull().Field.ShouldNotBeNull().ShouldContain("siteVisitAt");
        (await Load(walk.Id)).Status.ShouldBe(DossierStatus.Processing);
    }

    private async Task<DateTimeOffset> NextTimerDue(Guid dossierId)
    {
        var instance = (await Load(dossierId)).WorkflowInstanceId!.Value;
        await using var cmd = DataSource.CreateCommand("SELECT min(due_at) FROM engine.timers WHERE instance_id = $1 AND status = 'Pending'");
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = instance });
        return new DateTimeOffset((DateTime)(await cmd.ExecuteScalarAsync())!, TimeSpan.Zero);
    }
}
