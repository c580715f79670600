using Procedures.Common;
using Procedures.Organisation;

namespace Procedures.Tests.Organisation;

public sealed class When_the_unit_tree_is_listed : OrganisationTest
{
    [Test]
    public async Task Should_show_the_units_in_effect_on_the_day_with_their_types_in_rank_order()
    {
        await AddUnitAsync("005.01.31.H29", "Tổ đã giải thể", DefaultUnitTypes.Section, CommuneA, to: new DateOnly(2025, 12, 31));
        await AddUnitAsync("006.01.31.H29", "Phòng sắp thành lập", DefaultUnitTypes.Section, CommuneA, from: new DateOnly(2026, 6, 1));

        var tree = (await Handler<UnitTreeQuery>().HandleAsync(SystemAdmin, new ListUnitTree(Province.Id))).Value!;

        tree.TypeName.ShouldBe("Tỉnh, thành phố trực thuộc trung ương");
        tree.Children.Select(c => c.Code).ShouldBe(["000.00.07.H29", "000.01.31.H29", "000.02.31.H29"]);
        var communeA = tree.Children.Single(c => c.Id == CommuneA.Id);
        communeA.Children.Select(c => (c.Code, c.TypeCode)).ShouldBe([("001.01.31.H29", "one-stop-shop"), ("002.01.31.H29", "section")]);

        var autumn = (await Handler<UnitTreeQuery>().HandleAsync(SystemAdmin, new ListUnitTree(CommuneA.Id, new DateOnly(2025, 9, 1)))).Value!;
        autumn.Children.Select(c => c.Code).ShouldBe(["001.01.31.H29", "002.01.31.H29", "005.01.31.H29"]);
        var summer = (await Handler<UnitTreeQuery>().HandleAsync(SystemAdmin, new ListUnitTree(CommuneA.Id, new DateOnly(2026, 7, 1)))).Value!;
        summer.Children.Select(c => c.Code).ShouldBe(["001.01.31.H29", "002.01.31.H29", "006.01.31.H29"]);
    }

    [Test]
    public async Task Should_let_an_official_list_their_own_branch_but_not_another_communes()
    {
        var clerk = (await AddOfficialAsync("a.clerk", OneStopA, Role.Clerk)).Actor;

        (await Handler<UnitTreeQuery>().HandleAsync(clerk, new ListUnitTree(CommuneA.Id))).Value!.Children.Count.ShouldBe(2);
        ShouldFail(await Handler<UnitTreeQuery>().HandleAsync(clerk, new ListUnitTree(CommuneB.Id)), ErrorKind.NotFound, "rootId");
    }

    [Test]
    public async Task Should_refuse_a_day_on_which_the_root_did_not_exist() =>
        ShouldFail(await Handler<UnitTreeQuery>().HandleAsync(SystemAdmin, new ListUnitTree(Province.Id, new DateOnly(2025, 6, 30))), ErrorKind.Invalid, "on");

    [Test]
    public async Task Should_let_system_admins_add_unit_types_that_units_can_then_use()
    {
        var communeAdmin = (await AddOfficialAsync("a.admin", CommuneA, Role.UnitAdmin)).Actor;
        var ward = new SaveUnitType("ward", "Phường", "Ward", 30);

        ShouldFail(await Handler<SaveUnitTypeHandler>().HandleAsync(communeAdmin, ward), ErrorKind.Forbidden);
        ShouldFail(await Handler<SaveUnitTypeHandler>().HandleAsync(SystemAdmin, ward with { Code = "Phường" }), ErrorKind.Invalid, "code");
        ShouldFail(await Handler<SaveUnitTypeHandler>().HandleAsync(SystemAdmin, ward with { Name = "" }), ErrorKind.Invalid, "name");
        (await Handler<SaveUnitTypeHandler>().HandleAsync(SystemAdmin, ward)).Value.ShouldBe(new UnitTypeView("ward", "Phường", "Ward", 30));

        (await Handler<UnitTypesQuery>().ListAsync()).Select(t => t.Code).ShouldBe(["province", "department", "commune", "ward", "one-stop-shop", "section", "agency"]);
        (await Handler<CreateUnitHandler>().HandleAsync(SystemAdmin, new CreateUnit("000.03.31.H29", "Ủy ban nhân dân phường C", "ward", Province.Id))).Error.ShouldBeNull();
    }
}
