using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Catalogue;
using Procedures.Dossiers;
using Procedures.Persistence;
using Procedures.Samples;
using Procedures.Tests.Dossiers;

namespace Procedures.Tests.Samples;

/// <summary>The sample dossiers on the sample province exactly as seeded: what start-up gives.</summary>
public sealed class When_sample_dossiers_are_seeded : SampleDossiersFixture
{
    [Test]
    public async Task Should_give_every_portal_status_with_most_dossiers_returned()
    {
        var dossiers = await Dossiers();

        dossiers.Select(d => d.Status).Distinct().ShouldBe(Enum.GetValues<DossierStatus>(), ignoreOrder: true);
        dossiers.Count(d => d.Status == DossierStatus.Returned).ShouldBeGreaterThan(dossiers.Count / 4);
        Report.ShouldSatisfyAllConditions(r => r.Seeded.ShouldBeTrue(), r => r.Dossiers.ShouldBe(300), r => r.ByStatus.Values.Sum().ShouldBe(300));
    }

    [Test]
    public void Should_take_every_planned_use_case()
    {
        Report.Blocked.ShouldBeEmpty();
    }

    [Test]
    public async Task Should_route_ham_yen_s_dossiers_to_the_section_its_sample_responsibilities_put_in_charge()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProceduresDb>();
        (await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM procedures.responsibilities WHERE effective_to IS NULL").SingleAsync())
            .ShouldBe(4);

        var routed = await db.Database.SqlQueryRaw<RoutedSectors>("""
            SELECT sc.code AS "Sector", s.code AS "Section", count(*)::int AS "Dossiers"
            FROM procedures.dossier_routes rt JOIN procedures.dossiers d ON d.id = rt.dossier_id
            JOIN procedures.procedures p ON p.id = d.procedure_id JOIN procedures.sectors sc ON sc.id = p.sector_id
            JOIN procedures.units s ON s.id = rt.section_id
            WHERE rt.responsibility_id IS NOT NULL
            GROUP BY 1, 2
            """).ToListAsync();

        routed.Select(r => (r.Sector, r.Section)).ShouldBeSubsetOf(
            [("HOTICH", "002.02.31.H29"), ("CHUNGTHUC", "002.02.31.H29"), ("DATDAI", "003.02.31.H29"), ("XAYDUNG", "003.02.31.H29")]);
        routed.ShouldContain(r => r.Sector == "HOTICH" && r.Dossiers > 0);
        routed.ShouldContain(r => r.Section == "003.02.31.H29" && r.Dossiers > 0);
    }

    private sealed record RoutedSectors(string Sector, string Section, int Dossiers);

    [Test]
    public async Task Should_leave_consultations_pending_and_late_with_the_tax_office_and_the_police()
    {
        await using var scope = Services.CreateAsyncScope();
        var consultations = await scope.ServiceProvider.GetRequiredService<ProceduresDb>().Consultations.AsNoTracking().ToListAsync();

        consultations.ShouldContain(c => c.RepliedAt == null && c.DueAt > Now);
        consultations.ShouldContain(c => c.RepliedAt == null && c.DueAt < Now);
        consultations.ShouldContain(c => c.RepliedAt != null);
        consultations.Select(c => c.ConsultedUnitId).Distinct().Count().ShouldBeGreaterThanOrEqualTo(3);
    }

    [Test]
    public async Task Should_give_every_open_consulted_step_its_consultation_even_when_a_timer_opened_it()
    {
        var missing = await Query("""
            SELECT count(*) FROM engine.work_items w
            WHERE w.status = 'Open' AND w.role = 'consulted-officer'
              AND NOT EXISTS (SELECT 1 FROM procedures.consultations c WHERE c.work_item_id = w.id)
            """, r => r.GetInt64(0));
        var taxOpen = await Query("SELECT count(*) FROM engine.work_items WHERE status = 'Open' AND step_id = 'tax-assessment'", r => r.GetInt64(0));

        (missing.Single(), taxOpen.Single() > 0).ShouldBe((0L, true));
    }

    [Test]
    public async Task Should_have_dossiers_at_every_step_of_the_main_path()
    {
        var steps = await Query("SELECT DISTINCT step_id FROM engine.work_items WHERE status = 'Open'", r => r.GetString(0));

        new[] { "await-supplement", "assign", "process", "review", "sign", "return-result", "tax-assessment", "police-verification" }.ShouldBeSubsetOf(steps);
    }

    [Test]
    public async Task Should_receive_at_both_communes_and_the_department_through_both_channels_over_sixty_days()
    {
        var dossiers = await Dossiers();
        await using var scope = Services.CreateAsyncScope();
        var province = (await SampleProvince.LoadAsync(scope.ServiceProvider.GetRequiredService<ProceduresDb>()))!;

        dossiers.Select(d => d.ReceivingUnitId).Distinct().ShouldBe(
            [province.Unit(SampleProvince.YenSonShop), province.Unit(SampleProvince.HamYenShop), province.Unit(SampleProvince.ProvincialPoliceShop)], ignoreOrder: true);
        dossiers.Select(d => d.Channel).Distinct().ShouldBe([Channel.Counter, Channel.Online], ignoreOrder: true);
        dossiers.Select(d => d.ProcedureId).Distinct().Count().ShouldBe(15);
        dossiers.Min(d => d.SubmittedAt!.Value).ShouldBeGreaterThan(Now.AddDays(-61));
        dossiers.ShouldAllBe(d => d.UpdatedAt <= Now);
    }

    [Test]
    public async Task Should_leave_overdue_dossiers_with_and_without_an_apology()
    {
        await using var scope = Services.CreateAsyncScope();
        var overdue = new List<DossierDeadline>();
        foreach (var leader in new[] { "ys.leader", "hy.leader", "ca.leader", "ys.police.leader", "hy.police.leader" })
            overdue.AddRange((await scope.ServiceProvider.GetRequiredService<OverdueQueries>().ListAsync(leader)).Ok().Dossiers
                .Where(d => d.State == DeadlineState.Overdue));

        overdue.ShouldContain(d => !d.ApologyIssued);
        overdue.ShouldContain(d => d.ApologyIssued);
        (await Dossiers()).ShouldContain(d => d.ApologyAt != null && d.AppointmentAt > Now && d.Status <= DossierStatus.Processing);
    }
}
