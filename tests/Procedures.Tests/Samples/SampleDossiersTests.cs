using Microsoft.Extensions.DependencyInjection;
using Procedures.Catalogue;
using Procedures.Dossiers;
using Procedures.Persistence;
using Procedures.Samples;
using Procedures.Tests.Dossiers;

namespace Procedures.Tests.Samples;

/// <summary>The sample dossiers on the sample province exactly as seeded (gap G1 included): what start-up gives today.</summary>
public sealed class When_sample_dossiers_are_seeded : SampleDossiersFixture
{
    protected override bool BridgeSectionRoles => false;

    [Test]
    public async Task Should_give_every_portal_status_but_the_financial_obligation()
    {
        var statuses = (await Dossiers()).Select(d => d.Status).Distinct().ToList();

        statuses.ShouldBe(Enum.GetValues<DossierStatus>().Where(s => s != DossierStatus.FinancialObligation), ignoreOrder: true);
        Report.ShouldSatisfyAllConditions(r => r.Seeded.ShouldBeTrue(), r => r.Dossiers.ShouldBe(300), r => r.ByStatus.Values.Sum().ShouldBe(300));
    }

    [Test]
    public async Task Should_receive_at_both_communes_and_the_department_through_both_channels_over_sixty_days()
    {
        var dossiers = await Dossiers();
        await using var scope = Services.CreateAsyncScope();
        var province = (await SampleProvince.LoadAsync(scope.ServiceProvider.GetRequiredService<ProceduresDb>()))!;

        dossiers.Select(d => d.ReceivingUnitId).Distinct().ShouldBe(
            [province.Unit(SampleProvince.YenSonShop), province.Unit(SampleProvince.HamYenShop), province.Unit(SampleProvince.DepartmentShop)], ignoreOrder: true);
        dossiers.Select(d => d.Channel).Distinct().ShouldBe([Channel.Counter, Channel.Online], ignoreOrder: true);
        dossiers.Select(d => d.ProcedureId).Distinct().Count().ShouldBe(14);
        dossiers.Min(d => d.SubmittedAt!.Value).ShouldBeGreaterThan(Now.AddDays(-61));
        dossiers.ShouldAllBe(d => d.UpdatedAt <= Now);
    }

    [Test]
    public async Task Should_leave_overdue_dossiers_with_and_without_an_apology()
    {
        await using var scope = Services.CreateAsyncScope();
        var overdue = new List<DossierDeadline>();
        foreach (var leader in new[] { "ys.leader", "hy.leader", "stp.leader", "ys.police.leader", "hy.police.leader" })
            overdue.AddRange((await scope.ServiceProvider.GetRequiredService<OverdueQueries>().ListAsync(leader)).Ok().Dossiers
                .Where(d => d.State == DeadlineState.Overdue));

        overdue.ShouldContain(d => !d.ApologyIssued);
        overdue.ShouldContain(d => d.ApologyIssued);
        (await Dossiers()).ShouldContain(d => d.ApologyAt != null && d.AppointmentAt > Now && d.Status <= DossierStatus.Processing);
    }
}
