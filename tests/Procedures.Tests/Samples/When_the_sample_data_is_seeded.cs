using Engine.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Procedures.Calendar;
using Procedures.Catalogue;
using Procedures.Organisation;
using Procedures.Samples;
using Procedures.Tests.Catalogue;

namespace Procedures.Tests.Samples;

public sealed class When_the_sample_data_is_seeded : ProceduresTest
{
    private static readonly string[] Published = ["birth-registration", "certified-copy", "judicial-record-certificate"];

    [SetUp]
    public async Task PublishSomeWorkflows()
    {
        foreach (var id in Published) await PublishAsync(CatalogueData.Workflow(id));
    }

    private async Task<SampleSeedReport> SeedAsync()
    {
        await using var scope = NewScope();
        var provider = scope.ServiceProvider;
        return await SampleData.SeedAsync(provider.GetRequiredService<Persistence.ProceduresDb>(), provider.GetRequiredService<DefinitionStore>(),
            NullLogger.Instance, provider.GetRequiredService<CalendarProvider>());
    }

    [Test]
    public async Task Should_seed_the_province_once_and_do_nothing_the_second_time()
    {
        var first = await SeedAsync();
        var second = await SeedAsync();

        first.ShouldSatisfyAllConditions(r => r.Seeded.ShouldBeTrue(), r => r.Units.ShouldBe(20), r => r.Officials.ShouldBe(43),
            r => r.Sectors.ShouldBe(8), r => r.Procedures.ShouldBe(16));
        second.ShouldBe(SampleSeedReport.AlreadyPresent);
        (await Db.Units.CountAsync(), await Db.Officials.CountAsync(), await Db.Procedures.CountAsync(), await Db.Competences.CountAsync())
            .ShouldBe((20, 43, 16, first.Competences));
    }

    [Test]
    public async Task Should_give_every_procedure_documents_a_time_limit_a_sector_and_fees_that_pass_the_catalogue_rules()
    {
        await SeedAsync();

        var procedures = await Db.Procedures.AsNoTracking().Include(p => p.RequiredDocuments).ToListAsync();
        var sectors = await Db.Sectors.Select(s => s.Id).ToListAsync();
        procedures.ShouldAllBe(p => p.RequiredDocuments.Count > 0 && p.Fees.Count > 0 && p.Channels.Count > 0 && sectors.Contains(p.SectorId));
        foreach (var p in procedures)
        {
            var draft = new ProcedureDraft(p.Code, p.Name, p.Level, p.SectorId, p.TimeLimitKind, p.TimeLimitAmount, p.Channels,
                p.RequiredDocuments.Select(d => new DocumentDraft(d.Name, d.Copies, d.Form, d.IsOptional)).ToList(), p.Fees);
            ProcedureRules.Check(draft).ShouldBeNull(p.Code);
        }
        procedures.Single(p => p.Code == "1.001193").TimeLimit.ShouldBe(LegalTimeLimit.SameDay);
        procedures.Single(p => p.Code == "1.004194").TimeLimit.ShouldBe(LegalTimeLimit.WorkingDays(7));
    }

    [Test]
    public async Task Should_charge_the_fees_of_the_domain_table()
    {
        await SeedAsync();
        var byCode = await Db.Procedures.AsNoTracking().ToDictionaryAsync(p => p.Code);

        FeeCalculator.Calculate(byCode["2.000815"], pages: 3).Value!.Total.ShouldBe(5_000);
        FeeCalculator.Calculate(byCode["2.000815"], pages: 500, copies: 2).Value!.Total.ShouldBe(400_000);
        FeeCalculator.Calculate(byCode["2.000635"], copies: 2).Value!.Total.ShouldBe(16_000);
        FeeCalculator.Calculate(byCode["1.001193"]).Value!.Total.ShouldBe(0);
        FeeCalculator.Calculate(byCode["1.009994"]).Value!.HasAmountsPerDecision.ShouldBeTrue();
    }

    [Test]
    public async Task Should_bind_the_procedures_whose_workflow_is_published_and_skip_the_rest()
    {
        var report = await SeedAsync();

        report.Competences.ShouldBe(5);
        report.SkippedBindings.ShouldNotContain("birth-registration");
        report.SkippedBindings.Count.ShouldBe(13);
        var birth = await Db.Procedures.SingleAsync(p => p.Code == "1.001193");
        var competent = await Scoped.GetRequiredService<CompetentUnitsQuery>().HandleAsync(new FindCompetentUnits(birth.Id, new DateOnly(2026, 3, 3)));
        competent.Select(c => c.UnitName).ShouldBe(["Ủy ban nhân dân xã Yên Sơn", "Ủy ban nhân dân xã Hàm Yên"]);
        var record = await Db.Procedures.SingleAsync(p => p.Code == "2.001417");
        (await Scoped.GetRequiredService<CompetentUnitsQuery>().HandleAsync(new FindCompetentUnits(record.Id, new DateOnly(2026, 3, 3))))
            .Single().UnitCode.ShouldBe("000.00.41.H29");
    }

    [Test]
    public async Task Should_show_a_seeded_procedure_in_the_public_catalogue_with_its_competent_units()
    {
        await SeedAsync();

        var detail = (await Scoped.GetRequiredService<ProcedureDetailQuery>().HandleAsync(new GetProcedure(Code: "2.000815"))).Value!;
        detail.ShouldSatisfyAllConditions(d => d.SectorName.ShouldBe("Chứng thực"), d => d.Documents.Count.ShouldBe(2),
            d => d.CompetentUnits.Count.ShouldBe(2), d => d.Channels.ShouldBe([Channel.Counter]));
        var found = (await Scoped.GetRequiredService<SearchCatalogueQuery>().HandleAsync(new SearchCatalogue("cap phieu ly lich tu phap"))).Value!;
        found.Items.Single().Level.ShouldBe("department");
    }

    [TestCase("000.01.31.H29")]
    [TestCase("000.02.31.H29")]
    [TestCase("000.00.07.H29")]
    public async Task Should_staff_every_role_in_each_commune_and_the_department(string unitCode)
    {
        await SeedAsync();
        var unit = await Db.Units.SingleAsync(u => u.Code == unitCode);
        var subtree = await Db.Units.Where(u => u.Path.StartsWith(unit.Path)).Select(u => u.Id).ToListAsync();

        var roles = (await Db.Memberships.Where(m => subtree.Contains(m.UnitId)).ToListAsync()).SelectMany(m => m.Roles).ToList();

        roles.Count(r => r == Role.Specialist).ShouldBeGreaterThanOrEqualTo(2);
        roles.ShouldContain(Role.Clerk);
        roles.ShouldContain(Role.SectionHead);
        roles.ShouldContain(Role.UnitLeader);
        roles.ShouldContain(Role.DeputyLeader);
        roles.ShouldContain(Role.UnitAdmin);
    }

    [Test]
    public async Task Should_let_each_commune_admin_administer_their_commune_only_and_the_system_admin_everything()
    {
        await SeedAsync();
        var directory = Scoped.GetRequiredService<OfficialDirectory>();
        var yenSon = await Db.Units.SingleAsync(u => u.Code == "001.01.31.H29");
        var hamYen = await Db.Units.SingleAsync(u => u.Code == "001.02.31.H29");

        var admin = (await directory.FindAsync("ys.admin"))!;
        (admin.Administers(yenSon.Path), admin.Administers(hamYen.Path)).ShouldBe((true, false));
        (await Db.Memberships.SingleAsync(m => m.OfficialId == admin.OfficialId)).DelegatedBy
            .ShouldBe((await directory.FindAsync("admin"))!.OfficialId);
        (await directory.FindAsync("admin"))!.IsSystemAdmin.ShouldBeTrue();
        (await directory.FindAsync("ys.clerk"))!.HasRole(Role.Clerk, yenSon.Id).ShouldBeTrue();
        (await directory.FindAsync("ys.police.officer"))!.HasWorkflowRole("consulted-officer", (await Db.Units.SingleAsync(u => u.Code == "000.01.41.H29")).Id)
            .ShouldBeTrue();
    }

    [Test]
    public async Task Should_load_the_sample_units_office_hours_into_the_calendar()
    {
        await SeedAsync();
        var hamYen = await Db.Units.SingleAsync(u => u.Code == "001.02.31.H29");

        Services.GetRequiredService<CalendarProvider>().Current
            .IsWorkingTime(new DateTimeOffset(2026, 3, 3, 7, 10, 0, VietnameseCalendar.UtcOffset), hamYen.Id.ToString()).ShouldBeTrue();
    }
}
