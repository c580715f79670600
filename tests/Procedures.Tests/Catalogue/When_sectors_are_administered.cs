using Microsoft.EntityFrameworkCore;
using Procedures.Catalogue;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Tests.Organisation;

namespace Procedures.Tests.Catalogue;

public sealed class When_sectors_are_administered : OrganisationTest
{
    [Test]
    public async Task Should_create_rename_list_and_delete_an_unused_sector()
    {
        var created = (await Handler<CreateSectorHandler>().HandleAsync(SystemAdmin, new CreateSector("HOTICH", "Hộ tich", "Civil status"))).Value!;
        (await Handler<UpdateSectorHandler>().HandleAsync(SystemAdmin, new UpdateSector(created.Id, "Hộ tịch"))).Value!.Name.ShouldBe("Hộ tịch");

        (await Handler<SectorsQuery>().ListAsync()).Single().ShouldSatisfyAllConditions(
            s => s.Code.ShouldBe("HOTICH"), s => s.NameEn.ShouldBeNull(), s => s.ProcedureCount.ShouldBe(0));
        (await Handler<DeleteSectorHandler>().HandleAsync(SystemAdmin, new DeleteSector(created.Id))).Value.ShouldBe(created.Id);
        (await ReadAsync(db => db.Sectors.CountAsync())).ShouldBe(0);
    }

    [Test]
    public async Task Should_refuse_a_taken_or_malformed_code_and_a_missing_name()
    {
        await Handler<CreateSectorHandler>().HandleAsync(SystemAdmin, new CreateSector("HOTICH", "Hộ tịch"));

        ShouldFail(await Handler<CreateSectorHandler>().HandleAsync(SystemAdmin, new CreateSector("HOTICH", "Hộ tịch 2")), ErrorKind.Invalid, "code", "code-taken");
        ShouldFail(await Handler<CreateSectorHandler>().HandleAsync(SystemAdmin, new CreateSector("HỘ TỊCH", "Hộ tịch 2")), ErrorKind.Invalid, "code");
        ShouldFail(await Handler<CreateSectorHandler>().HandleAsync(SystemAdmin, new CreateSector("CT", "")), ErrorKind.Invalid, "name");
        (await ReadAsync(db => db.Sectors.CountAsync())).ShouldBe(1);
    }

    [Test]
    public async Task Should_keep_a_sector_that_procedures_belong_to()
    {
        var procedure = await CatalogueData.AddProcedureAsync(Db);

        ShouldFail(await Handler<DeleteSectorHandler>().HandleAsync(SystemAdmin, new DeleteSector(procedure.SectorId)), ErrorKind.Conflict, "sectorId", "sector-in-use");
        (await ReadAsync(db => db.Sectors.CountAsync())).ShouldBe(1);
    }

    [Test]
    public async Task Should_leave_the_catalogue_to_system_admins()
    {
        var communeAdmin = (await AddOfficialAsync("a.admin", CommuneA, Role.UnitAdmin)).Actor;

        ShouldFail(await Handler<CreateSectorHandler>().HandleAsync(communeAdmin, new CreateSector("HOTICH", "Hộ tịch")), ErrorKind.Forbidden);
        ShouldFail(await Handler<UpdateSectorHandler>().HandleAsync(SystemAdmin, new UpdateSector(Guid.NewGuid(), "X")), ErrorKind.NotFound, "sectorId");
    }
}
