using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;

namespace Procedures.Tests.Organisation;

public sealed class When_a_unit_is_moved : OrganisationTest
{
    [Test]
    public async Task Should_rewrite_the_path_of_every_unit_in_its_subtree()
    {
        var team = await AddUnitAsync("003.01.31.H29", "Tổ hộ tịch", DefaultUnitTypes.Section, SectionA);

        var result = await Handler<MoveUnitHandler>().HandleAsync(SystemAdmin, new MoveUnit(SectionA.Id, CommuneB.Id));

        result.Error.ShouldBeNull();
        result.Value!.PathsChanged.ShouldBe(2);
        var units = await ReadAsync(db => db.Units.ToDictionaryAsync(u => u.Id));
        units[SectionA.Id].ParentId.ShouldBe(CommuneB.Id);
        units[SectionA.Id].Path.ShouldBe($"{CommuneB.Path}{SectionA.Id}/");
        units[team.Id].Path.ShouldBe($"{CommuneB.Path}{SectionA.Id}/{team.Id}/");
        units[OneStopA.Id].Path.ShouldBe(OneStopA.Path);
    }

    [Test]
    public async Task Should_refuse_to_move_a_unit_under_itself_or_its_own_sub_unit()
    {
        var team = await AddUnitAsync("003.01.31.H29", "Tổ hộ tịch", DefaultUnitTypes.Section, SectionA);

        ShouldFail(await Handler<MoveUnitHandler>().HandleAsync(SystemAdmin, new MoveUnit(CommuneA.Id, team.Id)), ErrorKind.Invalid, "newParentId", "cycle");
        ShouldFail(await Handler<MoveUnitHandler>().HandleAsync(SystemAdmin, new MoveUnit(CommuneA.Id, CommuneA.Id)), ErrorKind.Invalid, "newParentId", "cycle");
        (await ReadAsync(db => db.Units.SingleAsync(u => u.Id == CommuneA.Id))).Path.ShouldBe(CommuneA.Path);
    }

    [Test]
    public async Task Should_need_an_admin_of_both_the_unit_and_its_new_parent()
    {
        var communeAdmin = (await AddOfficialAsync("a.admin", CommuneA, Role.UnitAdmin)).Actor;

        ShouldFail(await Handler<MoveUnitHandler>().HandleAsync(communeAdmin, new MoveUnit(SectionA.Id, CommuneB.Id)), ErrorKind.NotFound, "newParentId");
        ShouldFail(await Handler<MoveUnitHandler>().HandleAsync(communeAdmin, new MoveUnit(SectionA.Id, Province.Id)), ErrorKind.Forbidden);
        (await Handler<MoveUnitHandler>().HandleAsync(communeAdmin, new MoveUnit(SectionA.Id, OneStopA.Id))).Value!.Unit.ParentId.ShouldBe(OneStopA.Id);
    }

    [Test]
    public async Task Should_keep_an_admins_rights_over_a_moved_subtree_through_the_new_paths()
    {
        var sectionAdmin = (await AddOfficialAsync("s.admin", SectionA, Role.UnitAdmin)).Official;
        await Handler<MoveUnitHandler>().HandleAsync(SystemAdmin, new MoveUnit(SectionA.Id, CommuneB.Id));

        var actor = (await ActorAsync(sectionAdmin.UserName))!;
        actor.Administers($"{CommuneB.Path}{SectionA.Id}/").ShouldBeTrue();
        actor.Administers(CommuneA.Path).ShouldBeFalse();
    }
}
