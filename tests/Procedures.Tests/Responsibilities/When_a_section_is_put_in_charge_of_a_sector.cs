using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Responsibilities;
using Procedures.Tests.Dossiers;

namespace Procedures.Tests.Responsibilities;

public sealed class When_a_section_is_put_in_charge_of_a_sector : SectionTest
{
    [Test]
    public async Task Should_route_the_sector_s_dossier_to_that_section_and_keep_the_other_section_out()
    {
        var assigned = (await SectorToSection(Economy)).Ok();
        assigned.SectionName.ShouldBe("Phòng Kinh tế xã An Phú");
        assigned.EffectiveFrom.ShouldBe(new DateOnly(2026, 3, 3));
        var id = (await ReceiveComplete()).DossierId;

        var route = (await RouteOf(id)).ShouldNotBeNull();
        route.SectionId.ShouldBe(Economy);
        route.UnitId.ShouldBe(Org.CommuneA);
        route.Roles.ShouldBe(["section-head", "specialist"]);
        // The office's section head and the commune-level section head hold the role but not the charge.
        (await Assign(id, OfficeHead, EconomySpecialist)).Fails(ErrorKind.Forbidden).Code.ShouldBe("not-in-charge");
        (await Assign(id, TestOrg.HeadA, EconomySpecialist)).Fails(ErrorKind.Forbidden).Code.ShouldBe("not-in-charge");
        (await Assign(id, EconomyHead, EconomySpecialist)).Ok().OpenSteps.ShouldBe(["process"]);
        (await OpenItems(id)).ShouldBe([("process", EconomySpecialist)]);
        (await Events(id)).Last().Actor.ShouldBe(EconomyHead);
    }

    [Test]
    public async Task Should_leave_a_dossier_outside_every_assignment_in_the_unit_s_default_queue()
    {
        // The economy section is in charge of another procedure only.
        (await PutInCharge(new AssignResponsibility(Org.CommuneA, Economy, null, null, Org.Certification))).Ok();
        var id = (await ReceiveComplete()).DossierId;

        (await RouteOf(id)).ShouldBeNull();
        (await Assign(id, OfficeHead, OfficeSpecialist)).Ok();
    }

    [Test]
    public async Task Should_route_only_dossiers_received_while_the_assignment_is_in_effect()
    {
        (await SectorToSection(Economy, new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 6))).Ok();

        Clock.Set(Vn(2026, 3, 4, 9));
        var before = (await ReceiveComplete()).DossierId;
        Clock.Set(Vn(2026, 3, 5, 9));
        var during = (await ReceiveComplete()).DossierId;
        Clock.Set(Vn(2026, 3, 6, 16));
        var lastDay = (await ReceiveComplete()).DossierId;
        Clock.Set(Vn(2026, 3, 9, 9));
        var after = (await ReceiveComplete()).DossierId;

        (await RouteOf(before)).ShouldBeNull();
        (await RouteOf(during))!.SectionId.ShouldBe(Economy);
        (await RouteOf(lastDay))!.SectionId.ShouldBe(Economy);
        (await RouteOf(after)).ShouldBeNull();
        (await Assign(after, OfficeHead, OfficeSpecialist)).Ok();
    }

    [Test]
    public async Task Should_prefer_the_procedure_s_holder_over_the_sector_s()
    {
        (await SectorToSection(Economy)).Ok();
        (await PutInCharge(new AssignResponsibility(Org.CommuneA, null, OfficeHead, null, Org.Business))).Ok().OfficialName.ShouldBe("Đinh Văn Phòng");
        var id = (await ReceiveComplete()).DossierId;

        var route = (await RouteOf(id))!;
        route.Official.ShouldBe(OfficeHead);
        route.SectionId.ShouldBeNull();
        route.Roles.ShouldBe(["section-head"]);
        (await Assign(id, EconomyHead, EconomySpecialist)).Fails(ErrorKind.Forbidden).Code.ShouldBe("not-in-charge");
        (await Assign(id, OfficeHead, OfficeSpecialist)).Ok();
    }

    [Test]
    public async Task Should_let_the_unit_s_leader_act_on_a_routed_dossier()
    {
        (await SectorToSection(Economy)).Ok();
        var id = (await ReceiveComplete()).DossierId;

        (await Assign(id, TestOrg.LeaderA, EconomySpecialist)).Ok().OpenSteps.ShouldBe(["process"]);
    }

    [Test]
    public async Task Should_end_an_assignment_so_that_later_dossiers_go_to_the_default_queue()
    {
        var assigned = (await SectorToSection(Economy)).Ok();
        var admin = await ActorOf(AdminA);
        var ended = (await Run<EndResponsibilityHandler, DomainResult<ResponsibilityView>>(h =>
            h.HandleAsync(admin, new EndResponsibility(assigned.Id, new DateOnly(2026, 3, 3))))).Ok();
        ended.EffectiveTo.ShouldBe(new DateOnly(2026, 3, 3));
        (await Run<EndResponsibilityHandler, DomainResult<ResponsibilityView>>(h =>
            h.HandleAsync(admin, new EndResponsibility(assigned.Id, new DateOnly(2026, 3, 3))))).Fails(ErrorKind.Conflict);

        var today = (await ReceiveComplete()).DossierId;
        Clock.Set(Vn(2026, 3, 4, 9));
        var tomorrow = (await ReceiveComplete()).DossierId;
        (await RouteOf(today))!.SectionId.ShouldBe(Economy);
        (await RouteOf(tomorrow)).ShouldBeNull();
        // Once ended, the sector may be given to someone else from the next day.
        (await SectorToSection(Office, new DateOnly(2026, 3, 4))).Ok();
    }

    [Test]
    public async Task Should_list_the_unit_s_assignments_for_its_officials()
    {
        (await SectorToSection(Economy)).Ok();
        (await SectorToSection(Office, new DateOnly(2026, 3, 3))).Fails(ErrorKind.Conflict, "sectorId").Code.ShouldBe("overlapping-responsibility");
        (await PutInCharge(new AssignResponsibility(Org.CommuneA, Office, null, null, Org.Certification, new DateOnly(2026, 4, 1)))).Ok();
        var reader = await ActorOf(OfficeHead);

        var all = (await Run<ResponsibilityQueries, DomainResult<IReadOnlyList<ResponsibilityView>>>(q => q.HandleAsync(reader, new ListResponsibilities(Org.CommuneA)))).Ok();
        all.Count.ShouldBe(2);
        var today = (await Run<ResponsibilityQueries, DomainResult<IReadOnlyList<ResponsibilityView>>>(q =>
            q.HandleAsync(reader, new ListResponsibilities(Org.CommuneA, new DateOnly(2026, 3, 3))))).Ok();
        today.Single().SectorName.ShouldBe("Thành lập và hoạt động của hộ kinh doanh");
        var outsider = await ActorOf(TestOrg.ClerkB);
        (await Run<ResponsibilityQueries, DomainResult<IReadOnlyList<ResponsibilityView>>>(q => q.HandleAsync(outsider, new ListResponsibilities(Org.CommuneA))))
            .Fails(ErrorKind.NotFound);
    }

    [Test]
    public async Task Should_refuse_an_assignment_that_does_not_name_one_holder_and_one_scope_of_the_unit()
    {
        (await PutInCharge(new AssignResponsibility(Org.CommuneA, Economy, EconomyHead, BusinessSector, null))).Fails(ErrorKind.Invalid, "sectionId");
        (await PutInCharge(new AssignResponsibility(Org.CommuneA, null, null, BusinessSector, null))).Fails(ErrorKind.Invalid, "sectionId");
        (await PutInCharge(new AssignResponsibility(Org.CommuneA, Economy, null, BusinessSector, Org.Business))).Fails(ErrorKind.Invalid, "sectorId");
        (await PutInCharge(new AssignResponsibility(Org.CommuneA, Economy, null, null, null))).Fails(ErrorKind.Invalid, "sectorId");
        (await SectorToSection(Economy, new DateOnly(2026, 3, 2))).Fails(ErrorKind.Invalid, "effectiveFrom");
        (await SectorToSection(Economy, new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 4))).Fails(ErrorKind.Invalid, "effectiveTo");
        (await SectorToSection(SectionOfB)).Fails(ErrorKind.Invalid, "sectionId").Code.ShouldBe("not-a-section");
        (await SectorToSection(Org.ShopA)).Fails(ErrorKind.Invalid, "sectionId");
        (await PutInCharge(new AssignResponsibility(Org.CommuneA, null, TestOrg.ClerkB, BusinessSector, null))).Fails(ErrorKind.Invalid, "official");
        (await PutInCharge(new AssignResponsibility(Org.CommuneA, null, "nobody", BusinessSector, null))).Fails(ErrorKind.Invalid, "official");
        (await PutInCharge(new AssignResponsibility(Org.CommuneA, Economy, null, Guid.NewGuid(), null))).Fails(ErrorKind.NotFound, "sectorId");
        (await PutInCharge(new AssignResponsibility(Org.CommuneA, Economy, null, BusinessSector, null, Note: new string('x', 501)))).Fails(ErrorKind.Invalid, "note");
        (await Count()).ShouldBe(0);
    }

    [Test]
    public async Task Should_let_only_an_admin_of_the_unit_assign()
    {
        (await PutInCharge(new AssignResponsibility(Org.CommuneA, Economy, null, BusinessSector, null), TestOrg.LeaderA)).Fails(ErrorKind.Forbidden);
        (await PutInCharge(new AssignResponsibility(Org.CommuneA, Economy, null, BusinessSector, null), AdminB)).Fails(ErrorKind.NotFound, "unitId");
        (await Count()).ShouldBe(0);
    }

    [Test]
    public async Task Should_keep_one_holder_when_two_admins_assign_the_same_sector_at_once()
    {
        var results = await Task.WhenAll(SectorToSection(Economy), SectorToSection(Office));

        results.Count(r => r.Error is null).ShouldBe(1);
        results.Single(r => r.Error is not null).Fails(ErrorKind.Conflict).Code.ShouldBe("overlapping-responsibility");
        (await Count()).ShouldBe(1);
    }

    private async Task<long> Count()
    {
        await using var cmd = DataSource.CreateCommand("SELECT count(*) FROM procedures.responsibilities");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
