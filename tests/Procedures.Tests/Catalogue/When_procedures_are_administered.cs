using Microsoft.EntityFrameworkCore;
using Procedures.Calendar;
using Procedures.Catalogue;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Tests.Organisation;

namespace Procedures.Tests.Catalogue;

public sealed class When_procedures_are_administered : OrganisationTest
{
    private Sector _sector = null!;

    [SetUp]
    public async Task AddSector() => _sector = await CatalogueData.AddSectorAsync(Db);

    private ProcedureDraft Draft => CatalogueData.Draft(_sector.Id);

    [Test]
    public async Task Should_create_a_procedure_with_its_documents_in_order_and_its_search_text()
    {
        var detail = (await Handler<CreateProcedureHandler>().HandleAsync(SystemAdmin, Draft)).Value!;

        detail.ShouldSatisfyAllConditions(
            d => d.SectorName.ShouldBe("Hộ tịch"), d => d.TimeLimit.ShouldBe(LegalTimeLimit.SameDay),
            d => d.Documents.Select(x => (x.Order, x.Name)).ShouldBe([(1, "Tờ khai đăng ký khai sinh"), (2, "Giấy chứng sinh")]),
            d => d.Channels.ShouldBe([Channel.Counter, Channel.Online]), d => d.CompetentUnits.ShouldBeEmpty());
        (await ReadAsync(db => db.Procedures.SingleAsync())).SearchText.ShouldBe("dang ky khai sinh 1 001193");
    }

    private static IEnumerable<TestCaseData> BadDrafts()
    {
        TestCaseData Case(string name, Func<ProcedureDraft, ProcedureDraft> change, string field) => new TestCaseData(change, field).SetName(name);
        yield return Case("Should_refuse_a_same_day_limit_with_an_amount", d => d with { TimeLimitAmount = 1 }, "timeLimitAmount");
        yield return Case("Should_refuse_working_days_without_an_amount", d => d with { TimeLimitKind = LegalTimeLimitKind.WorkingDays }, "timeLimitAmount");
        yield return Case("Should_refuse_working_hours_below_zero", d => d with { TimeLimitKind = LegalTimeLimitKind.WorkingHours, TimeLimitAmount = -4 }, "timeLimitAmount");
        yield return Case("Should_refuse_no_channel", d => d with { Channels = [] }, "channels");
        yield return Case("Should_refuse_no_document", d => d with { Documents = [] }, "documents");
        yield return Case("Should_refuse_a_document_with_no_copies", d => d with { Documents = [d.Documents[0], d.Documents[1] with { Copies = 0 }] }, "documents[1].copies");
        yield return Case("Should_refuse_a_document_without_a_name", d => d with { Documents = [new DocumentDraft("")] }, "documents[0].name");
        yield return Case("Should_refuse_no_fee_rule", d => d with { Fees = [] }, "fees");
        yield return Case("Should_refuse_free_together_with_a_charge", d => d with { Fees = [CatalogueData.Free, CatalogueData.ExtractCopyFee] }, "fees");
        yield return Case("Should_refuse_a_free_fee_with_an_amount", d => d with { Fees = [CatalogueData.Free with { Amount = 5 }] }, "fees[0].amount");
        yield return Case("Should_refuse_a_per_copy_fee_without_an_amount", d => d with { Fees = [CatalogueData.ExtractCopyFee with { Amount = 0 }] }, "fees[0].amount");
        yield return Case("Should_refuse_a_per_page_cap_below_one_page", d => d with { Fees = [CatalogueData.CertifiedCopyFee with { MaxPerCopy = 1000 }] }, "fees[0].maxPerCopy");
        yield return Case("Should_refuse_a_per_decision_fee_without_the_decision",
            d => d with { Fees = [new Fee { Name = "Lệ phí", Kind = FeeKind.PerDecision }] }, "fees[0].note");
        yield return Case("Should_refuse_a_missing_name", d => d with { Name = " " }, "name");
        yield return Case("Should_refuse_an_unknown_level", d => d with { Level = "district" }, "level");
        yield return Case("Should_refuse_an_unknown_sector", d => d with { SectorId = Guid.NewGuid() }, "sectorId");
        yield return Case("Should_refuse_a_retention_of_zero_years", d => d with { RetentionYears = 0 }, "retentionYears");
    }

    [TestCaseSource(nameof(BadDrafts))]
    public async Task Should_refuse_an_inconsistent_draft(Func<ProcedureDraft, ProcedureDraft> change, string field)
    {
        ShouldFail(await Handler<CreateProcedureHandler>().HandleAsync(SystemAdmin, change(Draft)), ErrorKind.Invalid, field);
        (await ReadAsync(db => db.Procedures.CountAsync())).ShouldBe(0);
    }

    [Test]
    public async Task Should_refuse_a_code_used_by_another_procedure_and_non_admins()
    {
        await Handler<CreateProcedureHandler>().HandleAsync(SystemAdmin, Draft);

        ShouldFail(await Handler<CreateProcedureHandler>().HandleAsync(SystemAdmin, Draft with { Name = "Khác" }), ErrorKind.Invalid, "code", "code-taken");
        var communeAdmin = (await AddOfficialAsync("a.admin", CommuneA, Role.UnitAdmin)).Actor;
        ShouldFail(await Handler<CreateProcedureHandler>().HandleAsync(communeAdmin, Draft with { Code = "2.000635" }), ErrorKind.Forbidden);
        (await ReadAsync(db => db.Procedures.CountAsync())).ShouldBe(1);
    }

    [Test]
    public async Task Should_update_keeping_the_ids_of_documents_that_stay()
    {
        var created = (await Handler<CreateProcedureHandler>().HandleAsync(SystemAdmin, Draft)).Value!;
        var kept = created.Documents[1];
        var draft = Draft with
        {
            Name = "Đăng ký khai sinh (có yếu tố nước ngoài)", TimeLimitKind = LegalTimeLimitKind.WorkingDays, TimeLimitAmount = 15,
            Documents = [new DocumentDraft(kept.Name, 2, DocumentForm.CertifiedCopy, Id: kept.Id), new DocumentDraft("Giấy tờ tùy thân", Form: DocumentForm.OriginalForInspection)],
        };

        var updated = (await Handler<UpdateProcedureHandler>().HandleAsync(SystemAdmin, new UpdateProcedure(created.Id, draft))).Value!;

        updated.Documents.Select(d => (d.Id == kept.Id, d.Order, d.Copies)).ShouldBe([(true, 1, 2), (false, 2, 1)]);
        (await ReadAsync(db => db.ProcedureDocuments.CountAsync())).ShouldBe(2);
        (await ReadAsync(db => db.Procedures.SingleAsync())).SearchText.ShouldContain("nuoc ngoai");
        ShouldFail(await Handler<UpdateProcedureHandler>().HandleAsync(SystemAdmin, new UpdateProcedure(created.Id, draft with { Channels = [] })),
            ErrorKind.Invalid, "channels");
    }

    [Test]
    public async Task Should_withdraw_a_deactivated_procedure_from_the_public_catalogue_and_bring_it_back()
    {
        var created = (await Handler<CreateProcedureHandler>().HandleAsync(SystemAdmin, Draft)).Value!;

        (await Handler<DeactivateProcedureHandler>().HandleAsync(SystemAdmin, new DeactivateProcedure(created.Id))).Value!.IsActive.ShouldBeFalse();
        ShouldFail(await Handler<ProcedureDetailQuery>().HandleAsync(new GetProcedure(created.Id)), ErrorKind.NotFound, "procedureId");
        (await Handler<ProcedureDetailQuery>().HandleAsync(new GetProcedure(Code: "1.001193", IncludeInactive: true))).Value!.IsActive.ShouldBeFalse();
        (await Handler<SearchCatalogueQuery>().HandleAsync(new SearchCatalogue("khai sinh"))).Value!.Total.ShouldBe(0);

        await Handler<DeactivateProcedureHandler>().HandleAsync(SystemAdmin, new DeactivateProcedure(created.Id, Active: true));
        (await Handler<ProcedureDetailQuery>().HandleAsync(new GetProcedure(Code: "1.001193"))).Value!.Name.ShouldBe("Đăng ký khai sinh");
    }
}
