using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Tests.Organisation;

/// <summary>
/// The two rules the API and the pages call instead of restating them: who acts (<see cref="OfficialDirectory.ActingAsync"/>) and which
/// officials an admin manages (<see cref="OfficialAccess.ManagedAsync"/>).
/// </summary>
public sealed class When_a_request_names_its_official : OrganisationTest
{
    private Actor _communeAdmin = null!;

    [SetUp]
    public async Task AddCommuneAdmin() => _communeAdmin = (await AddOfficialAsync("a.admin", CommuneA, Role.UnitAdmin)).Actor;

    private Task<DomainResult<Actor>> ActingAsync(string? userName) => Handler<OfficialDirectory>().ActingAsync(userName);

    private async Task<DomainResult<Official>> ManagedAsync(Actor actor, Guid officialId)
    {
        await using var scope = NewScope();
        return await OfficialAccess.ManagedAsync(scope.ServiceProvider.GetRequiredService<ProceduresDb>(), actor, officialId, Today, default);
    }

    [Test]
    public async Task Should_act_as_an_active_official_with_todays_memberships()
    {
        var acting = await ActingAsync("a.admin");

        acting.Value!.UserName.ShouldBe("a.admin");
        acting.Value.HasRole(Role.UnitAdmin, CommuneA.Id).ShouldBeTrue();
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("citizen:0912345678")]
    public async Task Should_refuse_a_name_that_is_no_official(string? userName) =>
        ShouldFail(await ActingAsync(userName), ErrorKind.Forbidden, code: "forbidden");

    [Test]
    public async Task Should_refuse_a_deactivated_official()
    {
        var (gone, _) = await AddOfficialAsync("a.gone", SectionA, Role.Specialist);
        await Db.Officials.Where(o => o.Id == gone.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.IsActive, false));

        ShouldFail(await ActingAsync("a.gone"), ErrorKind.Forbidden);
    }

    [Test]
    public async Task Should_let_an_admin_manage_an_official_of_their_units()
    {
        var (clerk, _) = await AddOfficialAsync("a.clerk", OneStopA, Role.Clerk);

        (await ManagedAsync(_communeAdmin, clerk.Id)).Value!.UserName.ShouldBe("a.clerk");
        (await ManagedAsync(SystemAdmin, clerk.Id)).Succeeded.ShouldBeTrue();
    }

    [Test]
    public async Task Should_hide_an_official_outside_the_admins_branch()
    {
        var (other, _) = await AddOfficialAsync("b.clerk", SectionB, Role.Clerk);

        ShouldFail(await ManagedAsync(_communeAdmin, other.Id), ErrorKind.NotFound, "officialId");
        ShouldFail(await ManagedAsync(_communeAdmin, Guid.NewGuid()), ErrorKind.NotFound, "officialId");
    }

    [Test]
    public async Task Should_forbid_an_official_who_also_sits_in_a_unit_the_admin_does_not_administer()
    {
        var (both, _) = await AddOfficialAsync("ab.specialist", SectionA, Role.Specialist);
        Db.Memberships.Add(new Membership { Id = Guid.CreateVersion7(), OfficialId = both.Id, UnitId = SectionB.Id, Roles = [Role.Specialist], EffectiveFrom = July2025 });
        await Db.SaveChangesAsync();

        ShouldFail(await ManagedAsync(_communeAdmin, both.Id), ErrorKind.Forbidden);
    }
}
