using Engine.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Catalogue;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Tests.Catalogue;

namespace Procedures.Tests.Organisation;

public sealed class When_a_unit_is_made_competent_for_a_procedure : OrganisationTest
{
    private Procedure _birth = null!;
    private Actor _communeAdmin = null!;

    [SetUp]
    public async Task AddProcedureAndWorkflow()
    {
        _birth = await CatalogueData.AddProcedureAsync(Db);
        await PublishAsync(CatalogueData.Workflow("birth-registration"));
        _communeAdmin = (await AddOfficialAsync("a.admin", CommuneA, Role.UnitAdmin)).Actor;
    }

    private BindCompetence Bind(Guid unitId, DateOnly from, DateOnly? to = null, string workflow = "birth-registration", int? version = null) =>
        new(_birth.Id, unitId, workflow, version, from, to);

    [Test]
    public async Task Should_find_the_competent_units_on_a_day()
    {
        (await Handler<BindCompetenceHandler>().HandleAsync(_communeAdmin, Bind(CommuneA.Id, July2025))).Error.ShouldBeNull();
        (await Handler<BindCompetenceHandler>().HandleAsync(SystemAdmin, Bind(CommuneB.Id, new DateOnly(2026, 4, 1), version: 1))).Error.ShouldBeNull();

        var today = await Handler<CompetentUnitsQuery>().HandleAsync(new FindCompetentUnits(_birth.Id, Today));
        today.Select(c => c.UnitCode).ShouldBe(["000.01.31.H29"]);
        today[0].WorkflowDefinitionId.ShouldBe("birth-registration");
        var april = await Handler<CompetentUnitsQuery>().HandleAsync(new FindCompetentUnits(_birth.Id, new DateOnly(2026, 4, 1)));
        april.Select(c => c.UnitCode).ShouldBe(["000.01.31.H29", "000.02.31.H29"]);
        var inB = await Handler<CompetentUnitsQuery>().HandleAsync(new FindCompetentUnits(_birth.Id, new DateOnly(2026, 4, 1), CommuneB.Id));
        inB.Single().UnitId.ShouldBe(CommuneB.Id);
    }

    [Test]
    public async Task Should_refuse_an_overlapping_period_for_the_same_procedure_and_unit_but_take_the_next_one()
    {
        await Handler<BindCompetenceHandler>().HandleAsync(_communeAdmin, Bind(CommuneA.Id, July2025, new DateOnly(2026, 6, 30)));

        ShouldFail(await Handler<BindCompetenceHandler>().HandleAsync(_communeAdmin, Bind(CommuneA.Id, new DateOnly(2026, 6, 30))),
            ErrorKind.Invalid, "effectiveFrom", "overlapping-competence");
        ShouldFail(await Handler<BindCompetenceHandler>().HandleAsync(_communeAdmin, Bind(CommuneA.Id, new DateOnly(2025, 1, 1), new DateOnly(2025, 7, 1))),
            ErrorKind.Invalid, "unitId");
        (await ReadAsync(db => db.Competences.CountAsync())).ShouldBe(1);
        (await Handler<BindCompetenceHandler>().HandleAsync(_communeAdmin, Bind(CommuneA.Id, new DateOnly(2026, 7, 1)))).Error.ShouldBeNull();
    }

    [Test]
    public async Task Should_refuse_a_workflow_that_is_not_published()
    {
        await Scoped.GetRequiredService<DefinitionStore>().SaveDraftAsync(CatalogueData.Workflow("death-registration"), "admin");

        ShouldFail(await Handler<BindCompetenceHandler>().HandleAsync(_communeAdmin, Bind(CommuneA.Id, July2025, workflow: "death-registration")),
            ErrorKind.Invalid, "workflowDefinitionId", "workflow-not-published");
        ShouldFail(await Handler<BindCompetenceHandler>().HandleAsync(_communeAdmin, Bind(CommuneA.Id, July2025, workflow: "no-such-workflow")),
            ErrorKind.Invalid, "workflowDefinitionId");
        ShouldFail(await Handler<BindCompetenceHandler>().HandleAsync(_communeAdmin, Bind(CommuneA.Id, July2025, version: 2)),
            ErrorKind.Invalid, "workflowDefinitionId");
        (await ReadAsync(db => db.Competences.CountAsync())).ShouldBe(0);
    }

    [Test]
    public async Task Should_refuse_bad_periods_unknown_procedures_and_units_out_of_reach()
    {
        ShouldFail(await Handler<BindCompetenceHandler>().HandleAsync(_communeAdmin, Bind(CommuneA.Id, Today, Today.AddDays(-1))), ErrorKind.Invalid, "effectiveTo");
        ShouldFail(await Handler<BindCompetenceHandler>().HandleAsync(_communeAdmin, Bind(CommuneA.Id, July2025) with { ProcedureId = Guid.NewGuid() }),
            ErrorKind.NotFound, "procedureId");
        ShouldFail(await Handler<BindCompetenceHandler>().HandleAsync(_communeAdmin, Bind(CommuneB.Id, July2025)), ErrorKind.NotFound, "unitId");
        ShouldFail(await Handler<BindCompetenceHandler>().HandleAsync(_communeAdmin, Bind(Province.Id, July2025)), ErrorKind.Forbidden);
    }

    [Test]
    public async Task Should_end_a_competence_so_that_the_unit_is_no_longer_found_after_that_day()
    {
        var competence = (await Handler<BindCompetenceHandler>().HandleAsync(_communeAdmin, Bind(CommuneA.Id, July2025))).Value!;

        (await Handler<EndCompetenceHandler>().HandleAsync(_communeAdmin, new EndCompetence(competence.Id, new DateOnly(2026, 3, 31)))).Error.ShouldBeNull();

        (await Handler<CompetentUnitsQuery>().HandleAsync(new FindCompetentUnits(_birth.Id, new DateOnly(2026, 3, 31)))).Count.ShouldBe(1);
        (await Handler<CompetentUnitsQuery>().HandleAsync(new FindCompetentUnits(_birth.Id, new DateOnly(2026, 4, 1)))).ShouldBeEmpty();
        ShouldFail(await Handler<EndCompetenceHandler>().HandleAsync(_communeAdmin, new EndCompetence(competence.Id, new DateOnly(2026, 4, 30))),
            ErrorKind.Conflict, "competenceId");
    }
}
