using Procedures.Organisation;

namespace Procedures.Tests.Organisation;

public sealed class When_an_official_works_in_a_section_of_an_agency
{
    private static readonly Guid Commune = Guid.NewGuid();
    private static readonly Guid Section = Guid.NewGuid();
    private static readonly Guid Province = Guid.NewGuid();

    private static Actor SectionSpecialist() => new(Guid.NewGuid(), "ys.economy.specialist", "Lê Văn Kinh", null,
        [new ActorMembership(Section, "003.01.31.H29", $"/{Province}/{Commune}/{Section}/", [Role.Specialist], ActsForUnitId: Commune)]);

    [Test]
    public void Should_hold_the_role_for_the_agency_the_section_belongs_to()
    {
        var actor = SectionSpecialist();
        actor.HasRole(Role.Specialist, Section).ShouldBeTrue();
        actor.HasRole(Role.Specialist, Commune).ShouldBeTrue();
        actor.BelongsTo(Commune).ShouldBeTrue();
        actor.UnitIds.ShouldBe([Section, Commune], ignoreOrder: true);
    }

    [Test]
    public void Should_not_hold_it_for_the_province_above_the_agency_nor_other_roles()
    {
        var actor = SectionSpecialist();
        actor.HasRole(Role.Specialist, Province).ShouldBeFalse();
        actor.BelongsTo(Province).ShouldBeFalse();
        actor.HasRole(Role.SectionHead, Commune).ShouldBeFalse();
    }

    [Test]
    public void Should_keep_a_member_of_the_agency_itself_out_of_its_sections()
    {
        var leader = new Actor(Guid.NewGuid(), "ys.leader", "Hoàng Văn Lãnh", null,
            [new ActorMembership(Commune, "000.01.31.H29", $"/{Province}/{Commune}/", [Role.UnitLeader])]);
        leader.HasRole(Role.UnitLeader, Commune).ShouldBeTrue();
        leader.HasRole(Role.UnitLeader, Section).ShouldBeFalse();
    }
}
