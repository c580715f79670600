using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Dossiers;
using Procedures.Persistence;

namespace Procedures.Tests.Samples;

/// <summary>
/// The sample dossiers once the section officials can act on their commune's and department's dossiers (gap G1
/// bridged as in the walks): the full spread the generator plans, stopped only by the library steps no use case takes.
/// </summary>
public sealed class When_sample_dossiers_are_seeded_where_section_officials_can_act : SampleDossiersFixture
{
    protected override bool BridgeSectionRoles => true;

    [Test]
    public async Task Should_give_every_portal_status_but_the_financial_obligation_with_most_dossiers_returned()
    {
        var dossiers = await Dossiers();

        dossiers.Select(d => d.Status).Distinct().ShouldBe(Enum.GetValues<DossierStatus>().Where(s => s != DossierStatus.FinancialObligation), ignoreOrder: true);
        dossiers.Count(d => d.Status == DossierStatus.Returned).ShouldBeGreaterThan(dossiers.Count / 4);
        dossiers.Count.ShouldBe(300);
    }

    [Test]
    public void Should_be_stopped_only_where_no_use_case_takes_the_library_step()
    {
        Report.Blocked.Select(b => $"{b.Workflow} {b.UseCase}").Distinct().ShouldBeSubsetOf([
            "child-birth-residence-health-insurance Sign", // G2: sign-birth-certificate
            "land-use-certificate-first-issue Submit", // G3: update-cadastre
        ]);
    }

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
    public async Task Should_have_dossiers_at_every_step_of_the_main_path()
    {
        var steps = await Query("SELECT DISTINCT step_id FROM engine.work_items WHERE status = 'Open'", r => r.GetString(0));

        new[] { "await-supplement", "assign", "process", "review", "sign", "return-result", "tax-assessment", "police-verification" }.ShouldBeSubsetOf(steps);
    }
}
