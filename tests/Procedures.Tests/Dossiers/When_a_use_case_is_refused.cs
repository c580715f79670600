using Microsoft.Extensions.DependencyInjection;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Tests.Dossiers;

/// <summary>Every refusal names what was wrong and leaves every table as it was, engine tables and code counters included.</summary>
public sealed class When_a_use_case_is_refused : DossierTest
{
    private async Task ShouldWriteNothing<T>(Func<Task<DomainResult<T>>> act, ErrorKind kind, string? field = null, string? mentions = null)
    {
        var before = await Snapshot();
        var error = (await act()).Fails(kind, field);
        if (mentions is not null) error.MessageVi.ShouldContain(mentions);
        (await Snapshot()).ShouldBe(before);
    }

    [Test]
    public async Task Should_name_an_unknown_procedure() =>
        await ShouldWriteNothing(() => Receive(Complete() with { ProcedureId = Guid.NewGuid() }), ErrorKind.Invalid, "procedureId");

    [Test]
    public async Task Should_name_a_processing_unit_that_is_not_competent() =>
        await ShouldWriteNothing(() => Receive(Complete() with { ProcessingUnitId = Org.CommuneB }), ErrorKind.Invalid, "processingUnitId");

    [Test]
    public async Task Should_name_the_processing_unit_when_no_unit_above_the_counter_is_competent() =>
        await ShouldWriteNothing(() => Receive(Complete(TestOrg.ClerkB) with { ReceivingUnitId = Org.ShopB }), ErrorKind.Invalid, "processingUnitId");

    [Test]
    public async Task Should_name_every_missing_required_document() =>
        await ShouldWriteNothing(() => Receive(Complete() with { Documents = [new(Org.Form), new(Org.Lease)] }), ErrorKind.Invalid, "documents",
            "Bản sao giấy tờ pháp lý của cá nhân; Biên bản họp thành viên hộ gia đình");

    [Test]
    public async Task Should_refuse_reception_by_a_clerk_of_another_counter() =>
        await ShouldWriteNothing(() => Receive(Complete(TestOrg.ClerkB)), ErrorKind.Forbidden);

    [Test]
    public async Task Should_give_the_code_back_when_the_workflow_cannot_start()
    {
        // Competence of the counter itself wins over its commune's, and points to a definition that was never published.
        var broken = new Competence { Id = Guid.NewGuid(), ProcedureId = Org.Business, UnitId = Org.ShopA, WorkflowDefinitionId = "not-published", EffectiveFrom = new DateOnly(2020, 1, 1) };
        await using (var scope = NewScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProceduresDb>();
            db.Competences.Add(broken);
            await db.SaveChangesAsync();
            await ShouldWriteNothing(() => Receive(Complete()), ErrorKind.Conflict);
            db.Competences.Remove(broken);
            await db.SaveChangesAsync();
        }
        (await ReceiveComplete()).Code.ShouldBe($"{TestOrg.ShopACode}-260303-0001");
    }

    [Test]
    public async Task Should_see_a_write_in_the_snapshot_when_there_is_one()
    {
        var id = (await ReceiveComplete()).DossierId;
        var before = await Snapshot();
        (await Assign(id)).Ok();
        (await Snapshot()).ShouldNotBe(before);
    }

    [Test]
    public async Task Should_name_the_action_when_the_dossier_is_at_another_step()
    {
        var id = (await ReceiveComplete()).DossierId;
        await ShouldWriteNothing(() => Sign(id), ErrorKind.Invalid, "action", "assign");
        await ShouldWriteNothing(() => Return(id), ErrorKind.Invalid, "action");
    }

    [Test]
    public async Task Should_forbid_an_official_of_the_unit_without_the_steps_role()
    {
        var id = (await ReceiveComplete()).DossierId;
        await ShouldWriteNothing(() => Assign(id, actor: TestOrg.SpecialistA), ErrorKind.Forbidden);
        (await Assign(id)).Ok();
        await ShouldWriteNothing(() => Submit(id, TestOrg.SpecialistA2), ErrorKind.Forbidden);
        await ShouldWriteNothing(() => Submit(id, TestOrg.HeadA), ErrorKind.Forbidden);
    }

    [Test]
    public async Task Should_not_reveal_the_dossier_to_an_official_of_another_unit()
    {
        var id = (await ReceiveComplete()).DossierId;
        await ShouldWriteNothing(() => Assign(id, actor: TestOrg.ClerkB), ErrorKind.NotFound);
        await ShouldWriteNothing(() => Assign(id, actor: "nobody"), ErrorKind.NotFound);
        await ShouldWriteNothing(() => Assign(Guid.NewGuid()), ErrorKind.NotFound);
        (await Run<DossierQueries, DomainResult<DossierDetails>>(q => q.GetAsync(id, TestOrg.ClerkB))).Fails(ErrorKind.NotFound);
    }

    [Test]
    public async Task Should_name_a_specialist_who_is_not_one_of_the_processing_unit()
    {
        var id = (await ReceiveComplete()).DossierId;
        await ShouldWriteNothing(() => Assign(id, specialist: TestOrg.TaxOfficer), ErrorKind.Invalid, "specialist");
        await ShouldWriteNothing(() => Assign(id, specialist: TestOrg.HeadA), ErrorKind.Invalid, "specialist");
    }

    [Test]
    public async Task Should_name_a_return_channel_the_procedure_does_not_offer()
    {
        var id = (await Receive(Complete() with { ProcedureId = Org.Certification, Documents = [], Pages = 2 })).Ok().DossierId;
        (await Submit(id, TestOrg.SpecialistA2)).Ok();
        (await Sign(id)).Ok();
        await ShouldWriteNothing(() => Return(id, channel: Procedures.Catalogue.Channel.Post), ErrorKind.Invalid, "channel");
    }

    [Test]
    public async Task Should_name_the_pages_needed_for_a_per_page_fee() =>
        await ShouldWriteNothing(() => Receive(Complete() with { ProcedureId = Org.Certification, Documents = [] }), ErrorKind.Invalid, "pages");
}
