using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Organisation;
using Procedures.Tests.Catalogue;

namespace Procedures.Tests.Organisation;

public sealed class When_a_unit_is_ended : OrganisationTest
{
    private static readonly DateOnly EndOfMarch = new(2026, 3, 31);

    [Test]
    public async Task Should_end_it_with_its_memberships_and_drop_it_from_the_tree_after_that_day()
    {
        var specialist = (await AddOfficialAsync("b.specialist", SectionB, Role.Specialist)).Official;

        var result = await Handler<EndUnitHandler>().HandleAsync(SystemAdmin, new EndUnit(SectionB.Id, EndOfMarch));

        result.Value!.EffectiveTo.ShouldBe(EndOfMarch);
        (await ReadAsync(db => db.Memberships.SingleAsync(m => m.OfficialId == specialist.Id))).EffectiveTo.ShouldBe(EndOfMarch);
        var april = (await Handler<UnitTreeQuery>().HandleAsync(SystemAdmin, new ListUnitTree(CommuneB.Id, new DateOnly(2026, 4, 1)))).Value!;
        april.Children.ShouldBeEmpty();
    }

    [Test]
    public async Task Should_refuse_while_a_sub_unit_is_still_in_effect()
    {
        ShouldFail(await Handler<EndUnitHandler>().HandleAsync(SystemAdmin, new EndUnit(CommuneB.Id, EndOfMarch)), ErrorKind.Conflict, "unitId", "has-sub-units");
        (await ReadAsync(db => db.Units.SingleAsync(u => u.Id == CommuneB.Id))).EffectiveTo.ShouldBeNull();
    }

    [Test]
    public async Task Should_refuse_while_the_unit_is_competent_for_a_procedure()
    {
        var procedure = await CatalogueData.AddProcedureAsync(Db);
        Db.Competences.Add(new Competence { Id = Guid.CreateVersion7(), ProcedureId = procedure.Id, UnitId = SectionB.Id, WorkflowDefinitionId = "any", EffectiveFrom = July2025 });
        await Db.SaveChangesAsync();

        ShouldFail(await Handler<EndUnitHandler>().HandleAsync(SystemAdmin, new EndUnit(SectionB.Id, EndOfMarch)), ErrorKind.Conflict, "unitId", "has-competences");
    }

    [TestCase(DossierStatus.Processing, false, TestName = "Should_refuse_while_a_dossier_is_open_at_the_unit")]
    [TestCase(DossierStatus.Returned, true, TestName = "Should_not_mind_dossiers_already_returned")]
    public async Task Dossiers_at_the_unit(DossierStatus status, bool ends)
    {
        var procedure = await CatalogueData.AddProcedureAsync(Db);
        Db.Dossiers.Add(new Dossier
        {
            Id = Guid.CreateVersion7(), ProcedureId = procedure.Id, ReceivingUnitId = CommuneB.Id, ProcessingUnitId = SectionB.Id, Status = status,
            Applicant = new Applicant { FullName = "Nguyễn Văn A" }, CreatedAt = Clock.GetUtcNow(), UpdatedAt = Clock.GetUtcNow(),
        });
        await Db.SaveChangesAsync();

        var result = await Handler<EndUnitHandler>().HandleAsync(SystemAdmin, new EndUnit(SectionB.Id, EndOfMarch));

        if (ends) result.Error.ShouldBeNull();
        else ShouldFail(result, ErrorKind.Conflict, "unitId", "has-open-dossiers");
    }

    [Test]
    public async Task Should_refuse_an_end_date_in_the_past()
    {
        ShouldFail(await Handler<EndUnitHandler>().HandleAsync(SystemAdmin, new EndUnit(SectionB.Id, Today.AddDays(-1))), ErrorKind.Invalid, "effectiveTo");
        (await ReadAsync(db => db.Units.SingleAsync(u => u.Id == SectionB.Id))).EffectiveTo.ShouldBeNull();
    }

    [Test]
    public async Task Should_leave_closing_an_admins_own_top_unit_to_whoever_administers_it_from_above()
    {
        var sectionAdmin = (await AddOfficialAsync("b.admin", SectionB, Role.UnitAdmin)).Actor;
        var communeAdmin = (await AddOfficialAsync("b.commune-admin", CommuneB, Role.UnitAdmin)).Actor;

        ShouldFail(await Handler<EndUnitHandler>().HandleAsync(sectionAdmin, new EndUnit(SectionB.Id, EndOfMarch)), ErrorKind.Forbidden);
        (await Handler<EndUnitHandler>().HandleAsync(communeAdmin, new EndUnit(SectionB.Id, EndOfMarch))).Error.ShouldBeNull();
    }
}
