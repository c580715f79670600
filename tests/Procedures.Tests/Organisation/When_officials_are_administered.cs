using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;

namespace Procedures.Tests.Organisation;

public sealed class When_officials_are_administered : OrganisationTest
{
    private Actor _communeAdmin = null!;

    [SetUp]
    public async Task AddCommuneAdmin() => _communeAdmin = (await AddOfficialAsync("a.admin", CommuneA, Role.UnitAdmin)).Actor;

    private CreateOfficial Clerk(string userName = "a.clerk") =>
        new(userName, "Nguyễn Thị Lan", OneStopA.Id, [Role.Clerk], "Công chức một cửa", "lan@xa-a.example", "0912 345 678");

    [Test]
    public async Task Should_create_an_official_with_a_first_membership_who_can_then_act()
    {
        var result = await Handler<CreateOfficialHandler>().HandleAsync(_communeAdmin, Clerk());

        result.Error.ShouldBeNull();
        result.Value!.Memberships.Single().ShouldSatisfyAllConditions(
            m => m.UnitId.ShouldBe(OneStopA.Id), m => m.Roles.ShouldBe([Role.Clerk]), m => m.EffectiveFrom.ShouldBe(Today), m => m.DelegatedBy.ShouldBeNull());
        (await ActorAsync("a.clerk"))!.HasRole(Role.Clerk, OneStopA.Id).ShouldBeTrue();
    }

    [TestCase("A.Clerk", "userName", TestName = "Should_refuse_a_user_name_in_capitals")]
    [TestCase("nguyễn", "userName", TestName = "Should_refuse_a_user_name_with_diacritics")]
    [TestCase("a.admin", "userName", TestName = "Should_refuse_a_user_name_already_taken")]
    public async Task Should_refuse_the_user_name(string userName, string field)
    {
        ShouldFail(await Handler<CreateOfficialHandler>().HandleAsync(_communeAdmin, Clerk(userName)), ErrorKind.Invalid, field);
        (await ReadAsync(db => db.Officials.CountAsync())).ShouldBe(2);
    }

    [Test]
    public async Task Should_refuse_bad_contacts_no_roles_and_a_unit_out_of_reach_naming_the_field()
    {
        var handler = Handler<CreateOfficialHandler>();
        ShouldFail(await handler.HandleAsync(_communeAdmin, Clerk() with { Email = "lan.xa-a" }), ErrorKind.Invalid, "email");
        ShouldFail(await handler.HandleAsync(_communeAdmin, Clerk() with { Phone = "091234" }), ErrorKind.Invalid, "phone");
        ShouldFail(await handler.HandleAsync(_communeAdmin, Clerk() with { FullName = "" }), ErrorKind.Invalid, "fullName");
        ShouldFail(await handler.HandleAsync(_communeAdmin, Clerk() with { Roles = [] }), ErrorKind.Invalid, "roles");
        ShouldFail(await handler.HandleAsync(_communeAdmin, Clerk() with { Roles = [Role.Clerk, Role.Clerk] }), ErrorKind.Invalid, "roles");
        ShouldFail(await handler.HandleAsync(_communeAdmin, Clerk() with { UnitId = SectionB.Id }), ErrorKind.NotFound, "unitId");
        (await ReadAsync(db => db.Officials.CountAsync())).ShouldBe(2);
    }

    [Test]
    public async Task Should_let_only_a_system_admin_grant_system_administration()
    {
        ShouldFail(await Handler<CreateOfficialHandler>().HandleAsync(_communeAdmin, Clerk() with { Roles = [Role.SystemAdmin] }), ErrorKind.Forbidden);
        (await Handler<CreateOfficialHandler>().HandleAsync(SystemAdmin, Clerk() with { UnitId = Province.Id, Roles = [Role.SystemAdmin] })).Error.ShouldBeNull();
    }

    [Test]
    public async Task Should_update_an_official_but_keep_the_user_name()
    {
        var id = (await Handler<CreateOfficialHandler>().HandleAsync(_communeAdmin, Clerk())).Value!.Id;

        var result = await Handler<UpdateOfficialHandler>().HandleAsync(_communeAdmin, new UpdateOfficial(id, "Nguyễn Thị Lan Anh", "Phó trưởng bộ phận", Phone: "0207.3850.101"));

        result.Value!.ShouldSatisfyAllConditions(o => o.FullName.ShouldBe("Nguyễn Thị Lan Anh"), o => o.UserName.ShouldBe("a.clerk"), o => o.Email.ShouldBeNull());
        ShouldFail(await Handler<UpdateOfficialHandler>().HandleAsync(_communeAdmin, new UpdateOfficial(id, "X", Email: "@")), ErrorKind.Invalid, "email");
    }

    [Test]
    public async Task Should_deactivate_an_official_so_they_can_no_longer_act_but_not_oneself()
    {
        var id = (await Handler<CreateOfficialHandler>().HandleAsync(_communeAdmin, Clerk())).Value!.Id;

        (await Handler<DeactivateOfficialHandler>().HandleAsync(_communeAdmin, new DeactivateOfficial(id))).Value!.IsActive.ShouldBeFalse();
        (await ActorAsync("a.clerk")).ShouldBeNull();
        ShouldFail(await Handler<DeactivateOfficialHandler>().HandleAsync(_communeAdmin, new DeactivateOfficial(_communeAdmin.OfficialId)), ErrorKind.Conflict, "officialId");
    }

    [Test]
    public async Task Should_not_let_a_commune_admin_manage_an_official_who_also_serves_elsewhere()
    {
        var (official, _) = await AddOfficialAsync("province.specialist", Province, Role.Specialist);
        Db.Memberships.Add(new Membership { Id = Guid.CreateVersion7(), OfficialId = official.Id, UnitId = SectionA.Id, Roles = [Role.Specialist], EffectiveFrom = July2025 });
        await Db.SaveChangesAsync();

        ShouldFail(await Handler<DeactivateOfficialHandler>().HandleAsync(_communeAdmin, new DeactivateOfficial(official.Id)), ErrorKind.Forbidden);
        var outsider = (await AddOfficialAsync("b.clerk", SectionB, Role.Clerk)).Official;
        ShouldFail(await Handler<UpdateOfficialHandler>().HandleAsync(_communeAdmin, new UpdateOfficial(outsider.Id, "X")), ErrorKind.NotFound, "officialId");
    }

    [Test]
    public async Task Should_add_a_membership_once_and_end_it()
    {
        var id = (await Handler<CreateOfficialHandler>().HandleAsync(_communeAdmin, Clerk())).Value!.Id;

        var added = await Handler<AddMembershipHandler>().HandleAsync(_communeAdmin, new AddMembership(id, SectionA.Id, [Role.Specialist]));
        added.Value!.Roles.ShouldBe([Role.Specialist]);
        ShouldFail(await Handler<AddMembershipHandler>().HandleAsync(_communeAdmin, new AddMembership(id, SectionA.Id, [Role.SectionHead])),
            ErrorKind.Conflict, "unitId", "already-member");
        ShouldFail(await Handler<AddMembershipHandler>().HandleAsync(_communeAdmin, new AddMembership(id, SectionB.Id, [Role.Clerk])), ErrorKind.NotFound, "unitId");

        var ended = await Handler<EndMembershipHandler>().HandleAsync(_communeAdmin, new EndMembership(added.Value.Id));
        ended.Value!.EffectiveTo.ShouldBe(Today);
        Clock.Advance(TimeSpan.FromDays(1));
        (await ActorAsync("a.clerk"))!.BelongsTo(SectionA.Id).ShouldBeFalse();
    }

    [Test]
    public async Task Should_refuse_a_membership_in_the_past_without_roles_or_for_an_unknown_official()
    {
        var id = (await Handler<CreateOfficialHandler>().HandleAsync(_communeAdmin, Clerk())).Value!.Id;
        var handler = Handler<AddMembershipHandler>();

        ShouldFail(await handler.HandleAsync(_communeAdmin, new AddMembership(id, SectionA.Id, [Role.Specialist], Today.AddDays(-1))), ErrorKind.Invalid, "effectiveFrom");
        ShouldFail(await handler.HandleAsync(_communeAdmin, new AddMembership(id, SectionA.Id, [])), ErrorKind.Invalid, "roles");
        ShouldFail(await handler.HandleAsync(_communeAdmin, new AddMembership(Guid.NewGuid(), SectionA.Id, [Role.Specialist])), ErrorKind.NotFound, "officialId");
        (await ReadAsync(db => db.Memberships.CountAsync(m => m.OfficialId == id))).ShouldBe(1);
        var membership = await ReadAsync(db => db.Memberships.SingleAsync(m => m.OfficialId == id));
        ShouldFail(await Handler<EndMembershipHandler>().HandleAsync(_communeAdmin, new EndMembership(membership.Id, Today.AddDays(-1))), ErrorKind.Invalid, "effectiveTo");
    }

    [Test]
    public async Task Should_refuse_to_end_the_last_system_administrator()
    {
        var membership = await ReadAsync(db => db.Memberships.SingleAsync(m => m.OfficialId == SystemAdmin.OfficialId));

        ShouldFail(await Handler<EndMembershipHandler>().HandleAsync(SystemAdmin, new EndMembership(membership.Id)), ErrorKind.Conflict, "membershipId", "last-system-admin");
        await AddOfficialAsync("admin2", Province, Role.SystemAdmin);
        (await Handler<EndMembershipHandler>().HandleAsync(SystemAdmin, new EndMembership(membership.Id))).Error.ShouldBeNull();
    }

    [Test]
    public async Task Should_list_a_units_officials_with_their_roles_leaders_first()
    {
        await AddOfficialAsync("a.specialist", SectionA, Role.Specialist);
        await AddOfficialAsync("a.head", SectionA, Role.SectionHead);
        var gone = (await AddOfficialAsync("a.gone", SectionA, Role.Specialist)).Official;
        await Handler<DeactivateOfficialHandler>().HandleAsync(SystemAdmin, new DeactivateOfficial(gone.Id));

        var list = (await Handler<UnitOfficialsQuery>().HandleAsync(_communeAdmin, new ListUnitOfficials(SectionA.Id))).Value!;

        list.Select(o => (o.UserName, o.Roles.Single())).ShouldBe([("a.head", Role.SectionHead), ("a.specialist", Role.Specialist)]);
        (await Handler<UnitOfficialsQuery>().HandleAsync(_communeAdmin, new ListUnitOfficials(SectionA.Id, IncludeInactive: true))).Value!.Count.ShouldBe(3);
        ShouldFail(await Handler<UnitOfficialsQuery>().HandleAsync(_communeAdmin, new ListUnitOfficials(SectionB.Id)), ErrorKind.NotFound, "unitId");
    }
}
