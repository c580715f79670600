using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Organisation;
using Procedures.Tests.Catalogue;

namespace Procedures.Tests.Organisation;

/// <summary>What the admin page shows before a unit is moved or ended: counted from the same rows the use cases then check.</summary>
public sealed class When_a_unit_change_is_previewed : OrganisationTest
{
    private static readonly DateOnly EndOfMarch = new(2026, 3, 31);

    [Test]
    public async Task Should_name_the_officials_count_the_open_and_kept_dossiers_and_the_competences_that_block_the_end()
    {
        await AddOfficialAsync("b.specialist", SectionB, Role.Specialist);
        await AddOfficialAsync("b.head", SectionB, Role.SectionHead);
        var procedure = await CatalogueData.AddProcedureAsync(Db);
        foreach (var status in new[] { DossierStatus.Processing, DossierStatus.Returned, DossierStatus.Returned })
            Db.Dossiers.Add(new Dossier
            {
                Id = Guid.CreateVersion7(), ProcedureId = procedure.Id, ReceivingUnitId = CommuneB.Id, ProcessingUnitId = SectionB.Id, Status = status,
                Applicant = new Applicant { FullName = "Nguyễn Văn A" }, CreatedAt = Clock.GetUtcNow(), UpdatedAt = Clock.GetUtcNow(),
            });
        Db.Competences.Add(new Competence { Id = Guid.CreateVersion7(), ProcedureId = procedure.Id, UnitId = SectionB.Id, WorkflowDefinitionId = "any", EffectiveFrom = July2025 });
        await Db.SaveChangesAsync();

        var preview = (await Handler<UnitChangePreviewQuery>().HandleAsync(SystemAdmin, new PreviewUnitChange(SectionB.Id, EndOfMarch))).Value!;

        preview.OfficialsInEffect.Count.ShouldBe(2);
        preview.OpenDossiers.ShouldBe(1);
        preview.DossiersKept.ShouldBe(3);
        preview.CompetencesInEffect.ShouldBe(1);
        preview.SubUnitsInEffect.ShouldBe(0);
        preview.SubtreeUnits.ShouldBe(1);
        // The end the preview warns about is the one the use case refuses.
        (await Handler<EndUnitHandler>().HandleAsync(SystemAdmin, new EndUnit(SectionB.Id, EndOfMarch))).Error.ShouldNotBeNull();
    }

    [Test]
    public async Task Should_count_the_subtree_that_moves_with_a_unit_and_its_sub_units_still_in_effect()
    {
        await AddOfficialAsync("b.commune", CommuneB, Role.Clerk);
        await AddOfficialAsync("b.section", SectionB, Role.Specialist);

        var preview = (await Handler<UnitChangePreviewQuery>().HandleAsync(SystemAdmin, new PreviewUnitChange(CommuneB.Id))).Value!;

        preview.SubtreeUnits.ShouldBe(2);
        preview.OfficialsInSubtree.ShouldBe(2);
        preview.SubUnitsInEffect.ShouldBe(1);
        preview.OpenDossiers.ShouldBe(0);
    }

    [Test]
    public async Task Should_refuse_an_admin_outside_the_units_branch()
    {
        var outsider = (await AddOfficialAsync("a.admin", CommuneA, Role.UnitAdmin)).Actor;

        var result = await Handler<UnitChangePreviewQuery>().HandleAsync(outsider, new PreviewUnitChange(SectionB.Id, EndOfMarch));

        result.Value.ShouldBeNull();
        result.Error.ShouldNotBeNull();
        result.Error.Kind.ShouldBeOneOf(ErrorKind.NotFound, ErrorKind.Forbidden);
    }
}
