using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Calendar;
using Procedures.Dossiers;
using Procedures.Persistence;
using static Procedures.Samples.SampleProvince;

namespace Procedures.Tests.Library.Walks;

/// <summary>The citizen's supplement deadline (10 working days by default), watched by the worker on a moved clock.</summary>
public sealed class When_the_citizen_misses_the_supplement_deadline : WalkTest
{
    private const string Workflow = "household-business-registration";

    [Test]
    public async Task Should_stop_processing_of_a_dossier_asked_for_a_supplement_during_processing()
    {
        var walk = await ReceiveAsync(Workflow, YenSonShop, "ys.clerk", next: [DossierSteps.Assign]);
        await walk.Assign("ys.economy.section-head", "ys.economy.specialist", DossierSteps.Process);
        await walk.RequestSupplement("ys.economy.specialist", ["Bản sao hợp đồng thuê địa điểm kinh doanh"], DossierSteps.AwaitSupplement);
        var due = (await Load(walk.Id)).SupplementDueAt!.Value;

        Clock.Set(due.AddMinutes(-1));
        (await Stop()).ShouldBeEmpty();
        Clock.Set(due.AddMinutes(1));
        var stopped = await Stop();

        stopped.Single().ShouldBe(new UnsuppliedDossier(walk.Id, walk.Code, DossierStatus.Stopped, due));
        (await Load(walk.Id)).ShouldSatisfyAllConditions(d => d.Status.ShouldBe(DossierStatus.Stopped), d => d.Result.ShouldBe(DossierResult.Refused),
            d => d.ResultNote.ShouldBe(StopUnsuppliedDossiers.Reason), d => d.FinishedAt.ShouldBe(Clock.GetUtcNow()));
        (await InstanceOutcome(walk.Id)).ShouldBe("Cancelled/");
        var last = await LastEvent(walk.Id);
        last.ShouldSatisfyAllConditions(e => e.Kind.ShouldBe("SupplementOverdue"), e => e.Actor.ShouldBe(StopUnsuppliedDossiers.Actor),
            e => e.DueAt.ShouldBe(due), e => e.Timeliness.ShouldBe(Timeliness.Late));
        (await Outbox(walk.Id)).ShouldContain(typeof(DossierClosedUnsupplied).FullName!);
        (await Stop()).ShouldBeEmpty();
    }

    [Test]
    public async Task Should_not_accept_a_dossier_asked_for_a_supplement_at_reception()
    {
        var procedure = Province.Procedure(Workflow);
        var first = procedure.RequiredDocuments.Where(d => !d.IsOptional).OrderBy(d => d.Order).First();
        var (walk, receipt) = await CounterAsync(Workflow, HamYenShop, "hy.clerk", ReceptionDecision.RequestSupplement, [DossierSteps.AwaitSupplement],
            documents: [new HandedDocument(first.Id)]);

        Clock.Set(receipt.SupplementDueAt!.Value.AddHours(1));
        var stopped = await Stop();

        stopped.Single().Status.ShouldBe(DossierStatus.NotAccepted);
        (await Load(walk.Id)).Status.ShouldBe(DossierStatus.NotAccepted);
    }

    [Test]
    public async Task Should_leave_a_dossier_whose_supplement_came_in_time()
    {
        var procedure = Province.Procedure(Workflow);
        var required = procedure.RequiredDocuments.Where(d => !d.IsOptional).OrderBy(d => d.Order).ToList();
        var (walk, receipt) = await CounterAsync(Workflow, YenSonShop, "ys.clerk", ReceptionDecision.RequestSupplement, [DossierSteps.AwaitSupplement],
            documents: [new HandedDocument(required[0].Id)]);
        walk.Pace = TimeSpan.FromDays(3);
        await walk.ReceiveSupplement("ys.clerk", [.. required.Skip(1).Select(d => new HandedDocument(d.Id))], DossierStatus.Accepted, DossierSteps.Assign);

        Clock.Set(receipt.SupplementDueAt!.Value.AddDays(1));

        (await Stop()).ShouldBeEmpty();
        (await Load(walk.Id)).Status.ShouldBe(DossierStatus.Accepted);
    }

    [Test]
    public async Task Should_give_a_construction_permit_its_seven_day_window_and_the_citizen_five_working_days()
    {
        var walk = await ReceiveAsync("construction-permit-house", YenSonShop, "ys.clerk",
            inputs: Fields(("siteAddress", "Thửa đất số 112, tờ bản đồ số 9, thôn Đồng Chằm")), next: [DossierSteps.Assign]);
        var receivedAt = (await Load(walk.Id)).ClockStartedAt!.Value;
        await walk.Assign("ys.economy.section-head", "ys.economy.specialist", DossierSteps.Process);
        // Past the province's 3 working days, within the 7 the sample catalogue gives construction permits.
        Clock.Set(Calendar.ComputeAppointment(receivedAt, LegalTimeLimit.WorkingDays(5), Province.Unit(YenSonShop).ToString()).AddHours(-2));
        walk.Pace = TimeSpan.Zero;

        await walk.RequestSupplement("ys.economy.specialist", ["Bản vẽ thiết kế mặt bằng móng"], DossierSteps.AwaitSupplement);

        var dossier = await Load(walk.Id);
        dossier.SupplementDueAt.ShouldBe(Calendar.ComputeAppointment(Clock.GetUtcNow(), LegalTimeLimit.WorkingDays(5), Province.Unit(YenSonShop).ToString()));
        dossier.SupplementCount.ShouldBe(1);
    }

    [Test]
    public async Task Should_keep_the_province_window_of_three_days_for_a_household_business()
    {
        var walk = await ReceiveAsync(Workflow, YenSonShop, "ys.clerk", next: [DossierSteps.Assign]);
        var receivedAt = (await Load(walk.Id)).ClockStartedAt!.Value;
        await walk.Assign("ys.economy.section-head", "ys.economy.specialist", DossierSteps.Process);
        Clock.Set(Calendar.ComputeAppointment(receivedAt, LegalTimeLimit.WorkingDays(5), Province.Unit(YenSonShop).ToString()).AddHours(-2));

        await using var scope = NewScope();
        var refused = await scope.ServiceProvider.GetRequiredService<RequestSupplementHandler>().HandleAsync(
            new RequestSupplement(walk.Id, "ys.economy.specialist", ["Bản sao hợp đồng thuê địa điểm kinh doanh"], "Thiếu giấy tờ"));
        refused.Error.ShouldNotBeNull().Code.ShouldBe("supplement-window-closed");
    }

    private async Task<IReadOnlyList<UnsuppliedDossier>> Stop()
    {
        await using var scope = NewScope();
        return await scope.ServiceProvider.GetRequiredService<StopUnsuppliedDossiers>().HandleAsync();
    }

    private async Task<DossierEvent> LastEvent(Guid id)
    {
        await using var scope = NewScope();
        return await scope.ServiceProvider.GetRequiredService<ProceduresDb>().DossierEvents.AsNoTracking()
            .Where(e => e.DossierId == id).OrderByDescending(e => e.Id).FirstAsync();
    }

    private async Task<List<string>> Outbox(Guid id)
    {
        var instance = (await Load(id)).WorkflowInstanceId!.Value;
        await using var cmd = DataSource.CreateCommand("SELECT type FROM engine.outbox WHERE instance_id = $1");
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = instance });
        await using var reader = await cmd.ExecuteReaderAsync();
        var types = new List<string>();
        while (await reader.ReadAsync()) types.Add(reader.GetString(0));
        return types;
    }
}
