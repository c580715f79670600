using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Responsibilities;
using Procedures.Tests.Dossiers;

namespace Procedures.Tests.Responsibilities;

/// <summary>
/// A change of responsibility moves the sector's dossiers still waiting unclaimed in a queue to the new holder, in the change's
/// transaction, and says which in its answer; what someone holds or a leader directed stays where it is.
/// </summary>
public sealed class When_a_responsibility_changes_with_dossiers_waiting : SectionTest
{
    private async Task<DomainResult<ResponsibilityView>> End(Guid responsibility, DateOnly lastDay)
    {
        var actor = await ActorOf(AdminA);
        return await Run<EndResponsibilityHandler, DomainResult<ResponsibilityView>>(h => h.HandleAsync(actor, new EndResponsibility(responsibility, lastDay)));
    }

    [Test]
    public async Task Should_route_the_waiting_dossier_to_the_new_section_and_list_it_in_the_answer()
    {
        var id = (await ReceiveComplete()).DossierId;
        (await RouteOf(id)).ShouldBeNull();

        var assigned = (await SectorToSection(Economy)).Ok();

        assigned.Rerouted.ShouldNotBeNull().ShouldHaveSingleItem().ShouldBe(new ReroutedDossier(id, (await Load(id)).Code, Economy, null));
        (await RouteOf(id))!.ShouldSatisfyAllConditions(r => r.SectionId.ShouldBe(Economy), r => r.ResponsibilityId.ShouldBe(assigned.Id));
        (await Assign(id, OfficeHead, OfficeSpecialist)).Fails(ErrorKind.Forbidden).Code.ShouldBe("not-in-charge");
        (await Assign(id, EconomyHead, EconomySpecialist)).Ok();
        var moved = (await Events(id)).Single(e => e.Kind == "Rerouted");
        (moved.Actor, moved.ReceiverName).ShouldBe((AdminA, "Phòng Kinh tế xã An Phú"));
    }

    [Test]
    public async Task Should_leave_a_dossier_someone_already_holds_with_them()
    {
        var held = (await ReceiveComplete()).DossierId;
        (await Assign(held, TestOrg.HeadA, TestOrg.SpecialistA)).Ok();
        var waiting = (await ReceiveComplete()).DossierId;

        var assigned = (await SectorToSection(Economy)).Ok();

        assigned.Rerouted!.Select(d => d.DossierId).ShouldBe([waiting]);
        (await RouteOf(held)).ShouldBeNull();
        (await OpenItems(held)).ShouldBe([("process", TestOrg.SpecialistA)]);
        (await Events(held)).ShouldNotContain(e => e.Kind == "Rerouted");
    }

    [Test]
    public async Task Should_keep_a_leader_s_direction()
    {
        var id = (await ReceiveComplete()).DossierId;
        (await Direct(id, section: Office)).Ok();

        (await SectorToSection(Economy)).Ok().Rerouted.ShouldBeEmpty();

        (await RouteOf(id))!.SectionId.ShouldBe(Office);
    }

    [Test]
    public async Task Should_move_nothing_for_an_assignment_that_starts_on_a_later_day()
    {
        var id = (await ReceiveComplete()).DossierId;

        (await SectorToSection(Economy, from: new DateOnly(2026, 3, 10))).Ok().Rerouted.ShouldBeEmpty();

        (await RouteOf(id)).ShouldBeNull();
    }

    [Test]
    public async Task Should_send_the_waiting_dossiers_back_to_the_common_queue_when_the_assignment_ends()
    {
        var assigned = (await SectorToSection(Economy)).Ok();
        var id = (await ReceiveComplete()).DossierId;
        (await RouteOf(id))!.SectionId.ShouldBe(Economy);

        var ended = (await End(assigned.Id, new DateOnly(2026, 3, 3))).Ok();

        ended.Rerouted.ShouldNotBeNull().ShouldHaveSingleItem().ShouldBe(new ReroutedDossier(id, (await Load(id)).Code, null, null));
        (await RouteOf(id)).ShouldBeNull();
        (await Assign(id, OfficeHead, OfficeSpecialist)).Ok();
    }

    [Test]
    public async Task Should_route_to_the_procedure_s_holder_when_the_sector_s_ends()
    {
        var sector = (await SectorToSection(Economy)).Ok();
        (await PutInCharge(new AssignResponsibility(Org.CommuneA, null, OfficeHead, null, Org.Business, new DateOnly(2026, 3, 4)))).Ok();
        var id = (await ReceiveComplete()).DossierId;

        (await End(sector.Id, new DateOnly(2026, 3, 3))).Ok().Rerouted!.Single().Official.ShouldBe(OfficeHead);

        (await RouteOf(id))!.Official.ShouldBe(OfficeHead);
    }
}
