using System.Text.Json;
using Engine.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Persistence;

namespace Procedures.Tests.Dossiers;

/// <summary>
/// The dossier page is read in one statement that PostgreSQL assembles as JSON. These tests hold it to the entity
/// reads through EF, row by row, for dossiers in every shape a page can take, and to the participants rule.
/// </summary>
public sealed class When_a_dossier_page_is_read_in_one_statement : DossierTest
{
    [Test]
    public async Task Should_read_exactly_what_the_entity_reads_read_at_every_stage()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var id = (await ReceiveComplete()).DossierId;
        await ShouldMatchEntityReads(id, TestOrg.ClerkA);
        (await Assign(id)).Ok();
        await ShouldMatchEntityReads(id, TestOrg.HeadA);
        (await RequestSupplement(id)).Ok();
        await ShouldMatchEntityReads(id, TestOrg.SpecialistA);
        Clock.Set(Vn(2026, 3, 10, 9));
        var late = (await ReceiveComplete()).DossierId;
        (await Assign(late)).Ok();
        (await Submit(late)).Ok();
        (await Apologise(late, new DateOnly(2026, 3, 30))).Ok();
        (await Approve(late)).Ok();
        (await Sign(late)).Ok();
        (await Return(late)).Ok();
        await ShouldMatchEntityReads(late, TestOrg.LeaderA);
        var page = (await Read(late, TestOrg.LeaderA)).Ok();
        page.Dates.ApologyReason.ShouldBe("Chờ xác minh thực địa");
        page.Outcome.Result.ShouldBe(DossierResult.Approved);
        page.Events.Count.ShouldBeGreaterThan(5);
        page.Applicant.FullName.ShouldBe("Nguyễn Văn An");
    }

    [Test]
    public async Task Should_read_consultations_and_parallel_steps_and_let_the_consulted_unit_see_them()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var id = (await Receive(Complete() with { ProcedureId = Org.LandCertificate, Documents = [new(Org.LandApplication)] })).Ok().DossierId;
        (await Assign(id)).Ok();
        (await Run<RequestConsultationHandler, DomainResult<DossierState>>(h => h.HandleAsync(new RequestConsultation(id, TestOrg.SpecialistA,
            "Xác định nghĩa vụ tài chính", new Dictionary<string, Guid> { ["taxUnit"] = Org.Tax, ["landUnit"] = Org.Land })))).Ok();
        await ShouldMatchEntityReads(id, TestOrg.TaxOfficer);
        var page = (await Read(id, TestOrg.LandOfficer)).Ok();
        page.Consultations.Select(c => c.ConsultedUnitId).ShouldBe([Org.Tax, Org.Land], ignoreOrder: true);
        page.OpenWorkItems.Select(w => w.StepId).ShouldBe(["tax-opinion", "land-opinion"], ignoreOrder: true);
    }

    [Test]
    public async Task Should_answer_not_found_to_other_units_unknown_dossiers_and_unknown_officials()
    {
        var id = (await ReceiveComplete()).DossierId;
        (await Read(id, TestOrg.ClerkB)).Fails(ErrorKind.NotFound);
        (await Read(id, TestOrg.TaxOfficer)).Fails(ErrorKind.NotFound);
        (await Read(Guid.NewGuid(), TestOrg.ClerkA)).Fails(ErrorKind.NotFound);
        (await Read(id, "nobody")).Fails(ErrorKind.NotFound);
    }

    [Test]
    public async Task Should_carry_the_revision_every_use_case_increments()
    {
        var id = (await ReceiveComplete()).DossierId;
        var before = (await Read(id, TestOrg.ClerkA)).Ok().Revision;
        (await Assign(id)).Ok();
        var after = (await Read(id, TestOrg.ClerkA)).Ok().Revision;
        after.ShouldBeGreaterThan(before);
        after.ShouldBe((await Load(id)).Revision);
    }

    private Task<DomainResult<DossierDetails>> Read(Guid id, string actor) =>
        Run<DossierQueries, DomainResult<DossierDetails>>(q => q.GetAsync(id, actor));

    private async Task ShouldMatchEntityReads(Guid id, string actor)
    {
        var page = (await Read(id, actor)).Ok();
        var entities = await ReadThroughEntities(id);
        JsonSerializer.Serialize(page).ShouldBe(JsonSerializer.Serialize(entities));
    }

    /// <summary>The page as the entity reads give it: one EF query per table, as it was read before.</summary>
    private async Task<DossierDetails> ReadThroughEntities(Guid id)
    {
        await using var scope = NewScope();
        var db = scope.ServiceProvider.GetRequiredService<ProceduresDb>();
        var d = await db.Dossiers.AsNoTracking().Include(x => x.Documents).SingleAsync(x => x.Id == id);
        var procedure = await db.Procedures.AsNoTracking().SingleAsync(p => p.Id == d.ProcedureId);
        var consultations = await db.Consultations.AsNoTracking().Where(c => c.DossierId == id).OrderBy(c => c.RequestedAt).ThenBy(c => c.Id).ToListAsync();
        var events = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == id).OrderBy(e => e.Id).ToListAsync();
        var open = d.WorkflowInstanceId is { } instance
            ? (await scope.ServiceProvider.GetRequiredService<InstanceQueries>().OpenWorkItemsAsync(instance)).OrderBy(w => w.CreatedAt).ThenBy(w => w.Id).ToList()
            : [];
        return new DossierDetails(d.Id, d.Code, d.Status, d.Status.Vietnamese(), d.Status.English(), d.ProcedureId, procedure.Code, procedure.Name,
            d.ReceivingUnitId, d.ProcessingUnitId, d.Channel, ApplicantData.From(d.Applicant), d.CitizenAccountId,
            DossierMapping.Dates(d), DossierMapping.Outcome(d), d.FeeAmount, d.MissingItems,
            d.Documents.OrderBy(x => x.Id).Select(DossierMapping.Document).ToList(), events.Select(DossierMapping.Event).ToList(), open,
            consultations.Select(DossierMapping.Consultation).ToList(), d.Revision);
    }
}
