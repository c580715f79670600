using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;

namespace Procedures.Tests.Organisation;

public sealed class When_management_of_a_sub_unit_is_delegated : OrganisationTest
{
    private Actor _communeAdmin = null!;
    private Official _specialist = null!;

    [SetUp]
    public async Task AddPeople()
    {
        _communeAdmin = (await AddOfficialAsync("a.admin", CommuneA, Role.UnitAdmin)).Actor;
        _specialist = (await AddOfficialAsync("a.specialist", SectionA, Role.Specialist)).Official;
    }

    [Test]
    public async Task Should_record_who_delegated_and_add_the_role_to_the_existing_membership()
    {
        var result = await Handler<DelegateUnitAdminHandler>().HandleAsync(_communeAdmin, new DelegateUnitAdmin(_specialist.Id, SectionA.Id));

        result.Value!.ShouldSatisfyAllConditions(m => m.Roles.ShouldBe([Role.Specialist, Role.UnitAdmin]), m => m.DelegatedBy.ShouldBe(_communeAdmin.OfficialId));
        (await ReadAsync(db => db.Memberships.CountAsync(m => m.OfficialId == _specialist.Id))).ShouldBe(1);
        ShouldFail(await Handler<DelegateUnitAdminHandler>().HandleAsync(_communeAdmin, new DelegateUnitAdmin(_specialist.Id, SectionA.Id)),
            ErrorKind.Conflict, "officialId", "already-admin");
    }

    [Test]
    public async Task Should_let_the_delegated_admin_manage_the_sub_unit_only()
    {
        await Handler<DelegateUnitAdminHandler>().HandleAsync(_communeAdmin, new DelegateUnitAdmin(_specialist.Id, SectionA.Id));
        var delegated = (await ActorAsync(_specialist.UserName))!;

        (await Handler<UpdateUnitHandler>().HandleAsync(delegated, new UpdateUnit(SectionA.Id, "Văn phòng HĐND và UBND xã A"))).Error.ShouldBeNull();
        (await Handler<CreateUnitHandler>().HandleAsync(delegated, new CreateUnit("003.01.31.H29", "Tổ hộ tịch", DefaultUnitTypes.Section, SectionA.Id)))
            .Error.ShouldBeNull();
        (await Handler<CreateOfficialHandler>().HandleAsync(delegated, new CreateOfficial("a.specialist2", "Lê Thị Hoa", SectionA.Id, [Role.Specialist])))
            .Error.ShouldBeNull();

        ShouldFail(await Handler<UpdateUnitHandler>().HandleAsync(delegated, new UpdateUnit(OneStopA.Id, "Một cửa")), ErrorKind.NotFound, "unitId");
        ShouldFail(await Handler<UpdateUnitHandler>().HandleAsync(delegated, new UpdateUnit(CommuneA.Id, "Xã A")), ErrorKind.Forbidden);
        ShouldFail(await Handler<CreateOfficialHandler>().HandleAsync(delegated, new CreateOfficial("a.clerk", "Trần Văn Hùng", OneStopA.Id, [Role.Clerk])),
            ErrorKind.NotFound, "unitId");
        ShouldFail(await Handler<UpdateUnitHandler>().HandleAsync(delegated, new UpdateUnit(SectionB.Id, "Xã B")), ErrorKind.NotFound, "unitId");
    }

    [Test]
    public async Task Should_let_a_delegated_admin_delegate_further_down_but_not_at_their_own_level()
    {
        await Handler<DelegateUnitAdminHandler>().HandleAsync(_communeAdmin, new DelegateUnitAdmin(_specialist.Id, SectionA.Id));
        var delegated = (await ActorAsync(_specialist.UserName))!;
        var colleague = (await AddOfficialAsync("a.colleague", SectionA, Role.Specialist)).Official;

        ShouldFail(await Handler<DelegateUnitAdminHandler>().HandleAsync(delegated, new DelegateUnitAdmin(colleague.Id, SectionA.Id)), ErrorKind.Forbidden);
        ShouldFail(await Handler<AddMembershipHandler>().HandleAsync(delegated, new AddMembership(colleague.Id, SectionA.Id, [Role.UnitAdmin])), ErrorKind.Forbidden);
        var team = (await Handler<CreateUnitHandler>().HandleAsync(delegated, new CreateUnit("003.01.31.H29", "Tổ hộ tịch", DefaultUnitTypes.Section, SectionA.Id))).Value!;
        (await Handler<DelegateUnitAdminHandler>().HandleAsync(delegated, new DelegateUnitAdmin(colleague.Id, team.Id))).Value!.DelegatedBy.ShouldBe(_specialist.Id);
    }

    [Test]
    public async Task Should_refuse_delegation_outside_the_admins_subtree_or_to_an_unknown_official()
    {
        ShouldFail(await Handler<DelegateUnitAdminHandler>().HandleAsync(_communeAdmin, new DelegateUnitAdmin(_specialist.Id, SectionB.Id)), ErrorKind.NotFound, "unitId");
        ShouldFail(await Handler<DelegateUnitAdminHandler>().HandleAsync(_communeAdmin, new DelegateUnitAdmin(Guid.NewGuid(), SectionA.Id)), ErrorKind.NotFound, "officialId");
        (await ReadAsync(db => db.Memberships.CountAsync(m => m.DelegatedBy != null))).ShouldBe(0);
    }

    [Test]
    public async Task Should_let_only_whoever_delegated_from_above_take_unit_administration_back()
    {
        var membership = (await Handler<DelegateUnitAdminHandler>().HandleAsync(_communeAdmin, new DelegateUnitAdmin(_specialist.Id, SectionA.Id))).Value!;
        var delegated = (await ActorAsync(_specialist.UserName))!;

        ShouldFail(await Handler<EndMembershipHandler>().HandleAsync(delegated, new EndMembership(membership.Id)), ErrorKind.Forbidden);
        (await Handler<EndMembershipHandler>().HandleAsync(_communeAdmin, new EndMembership(membership.Id))).Error.ShouldBeNull();
    }
}
