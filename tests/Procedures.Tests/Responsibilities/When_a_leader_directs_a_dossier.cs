using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Tests.Dossiers;

namespace Procedures.Tests.Responsibilities;

public sealed class When_a_leader_directs_a_dossier : SectionTest
{
    [Test]
    public async Task Should_assign_the_specialist_with_the_instructions_when_the_dossier_waits_for_assignment()
    {
        var id = (await ReceiveComplete()).DossierId;

        Clock.Set(Vn(2026, 3, 3, 10));
        var state = (await Direct(id, specialist: EconomySpecialist, dueAt: Vn(2026, 3, 5, 17))).Ok();

        state.Status.ShouldBe(DossierStatus.Processing);
        (await OpenItems(id)).ShouldBe([("process", EconomySpecialist)]);
        var directed = (await Events(id)).Last();
        directed.Kind.ShouldBe("Directed");
        directed.Actor.ShouldBe(TestOrg.LeaderA);
        directed.Step.ShouldBe("assign");
        directed.Comment.ShouldBe("Kiểm tra kỹ địa điểm kinh doanh");
        directed.Receiver.ShouldBe(EconomySpecialist);
        directed.ReceiverName.ShouldBe("Vũ Đức Tế");
        directed.Data.ShouldNotBeNull().ShouldContain("\"dueAt\"");
        var mine = (await DirectedBy(TestOrg.LeaderA)).ShouldHaveSingleItem();
        (mine.DossierId, mine.Specialist, mine.SpecialistName, mine.State).ShouldBe((id, EconomySpecialist, "Vũ Đức Tế", DirectionState.InProgress));
        mine.DueAt.ShouldBe(Vn(2026, 3, 5, 17));
        mine.CurrentSteps.ShouldHaveSingleItem();
        mine.HeldBy.ShouldBe(["Vũ Đức Tế"]);
        (await Submit(id, EconomySpecialist)).Ok();
    }

    [Test]
    public async Task Should_let_the_commune_leader_and_the_deputy_assign_through_the_assignment_use_case()
    {
        var first = (await ReceiveComplete()).DossierId;
        var second = (await ReceiveComplete()).DossierId;

        (await Assign(first, TestOrg.LeaderA, EconomySpecialist)).Ok().OpenSteps.ShouldBe(["process"]);
        (await Assign(second, TestOrg.DeputyA, OfficeSpecialist)).Ok().OpenSteps.ShouldBe(["process"]);
        (await Assign((await ReceiveComplete()).DossierId, LeaderB, EconomySpecialist)).Fails(ErrorKind.NotFound);
        (await Assign((await ReceiveComplete()).DossierId, TestOrg.SpecialistA, EconomySpecialist)).Fails(ErrorKind.Forbidden);
    }

    [Test]
    public async Task Should_route_to_the_section_whose_head_then_assigns()
    {
        var id = (await ReceiveComplete()).DossierId;

        (await Direct(id, section: Economy)).Ok().OpenSteps.ShouldBe(["assign"]);

        (await RouteOf(id))!.SectionId.ShouldBe(Economy);
        (await Assign(id, OfficeHead, OfficeSpecialist)).Fails(ErrorKind.Forbidden).Code.ShouldBe("not-in-charge");
        (await Assign(id, EconomyHead, EconomySpecialist)).Ok();
        var mine = (await DirectedBy(TestOrg.LeaderA)).ShouldHaveSingleItem();
        mine.SectionName.ShouldBe("Phòng Kinh tế xã An Phú");
        mine.HeldBy.ShouldBe(["Vũ Đức Tế"]);
    }

    [Test]
    public async Task Should_re_direct_the_specialist_s_step_to_another_and_supersede_the_first_direction()
    {
        var id = (await ReceiveComplete()).DossierId;
        (await Direct(id, specialist: TestOrg.SpecialistA)).Ok();

        Clock.Set(Vn(2026, 3, 3, 11));
        (await Direct(id, actor: TestOrg.DeputyA, specialist: EconomySpecialist, instructions: "Chuyển phòng Kinh tế xử lý")).Ok().OpenSteps.ShouldBe(["process"]);

        (await OpenItems(id)).ShouldBe([("process", EconomySpecialist)]);
        (await Submit(id, TestOrg.SpecialistA)).Fails(ErrorKind.Forbidden);
        (await DirectedBy(TestOrg.LeaderA)).ShouldBeEmpty();
        (await DirectedBy(TestOrg.LeaderA, includeRedirected: true)).ShouldHaveSingleItem().State.ShouldBe(DirectionState.Redirected);
        (await DirectedBy(TestOrg.DeputyA)).ShouldHaveSingleItem().State.ShouldBe(DirectionState.InProgress);
        var events = await Events(id);
        events.Where(e => e.Kind == "Directed").Select(e => e.Receiver).ShouldBe([TestOrg.SpecialistA, EconomySpecialist]);
        events.Last().Data!.ShouldContain("\"redirected\": true");
        (await Submit(id, EconomySpecialist)).Ok();
    }

    [Test]
    public async Task Should_send_the_specialist_s_step_back_to_a_section_s_queue()
    {
        var id = (await ReceiveComplete()).DossierId;
        (await Direct(id, specialist: TestOrg.SpecialistA)).Ok();

        (await Direct(id, section: Economy, instructions: "Phòng Kinh tế phân công lại")).Ok();

        (await OpenItems(id)).ShouldBe([("process", null)]);
        (await RouteOf(id))!.SectionId.ShouldBe(Economy);
    }

    [Test]
    public async Task Should_forbid_a_specialist_and_a_leader_of_another_unit()
    {
        var id = (await ReceiveComplete()).DossierId;
        var before = await Snapshot();

        (await Direct(id, actor: TestOrg.SpecialistA, specialist: EconomySpecialist)).Fails(ErrorKind.Forbidden);
        (await Direct(id, actor: TestOrg.HeadA, specialist: EconomySpecialist)).Fails(ErrorKind.Forbidden);
        (await Direct(id, actor: LeaderB, specialist: EconomySpecialist)).Fails(ErrorKind.Forbidden);
        (await Direct(Guid.NewGuid(), specialist: EconomySpecialist)).Fails(ErrorKind.NotFound);

        (await Snapshot()).ShouldBe(before);
        (await DirectedBy(LeaderB)).ShouldBeEmpty();
    }

    [Test]
    public async Task Should_refuse_a_direction_without_one_target_of_the_unit_or_with_a_due_time_after_the_appointment()
    {
        var receipt = await ReceiveComplete();
        var id = receipt.DossierId;
        var before = await Snapshot();

        (await Direct(id)).Fails(ErrorKind.Invalid, "sectionId");
        (await Direct(id, section: Economy, specialist: EconomySpecialist)).Fails(ErrorKind.Invalid, "sectionId");
        (await Direct(id, specialist: EconomySpecialist, instructions: " ")).Fails(ErrorKind.Invalid, "instructions");
        (await Direct(id, specialist: EconomySpecialist, instructions: new string('x', 2001))).Fails(ErrorKind.Invalid, "instructions");
        (await Direct(id, section: SectionOfB)).Fails(ErrorKind.Invalid, "sectionId");
        (await Direct(id, specialist: TestOrg.LandOfficer)).Fails(ErrorKind.Invalid, "specialist");
        (await Direct(id, specialist: EconomySpecialist, dueAt: receipt.AppointmentAt!.Value.AddMinutes(1))).Fails(ErrorKind.Invalid, "dueAt");

        (await Snapshot()).ShouldBe(before);
    }

    [Test]
    public async Task Should_refuse_to_direct_a_dossier_that_is_past_the_specialist()
    {
        var id = (await ReceiveComplete()).DossierId;
        (await Assign(id)).Ok();
        (await Submit(id)).Ok();

        (await Direct(id, specialist: EconomySpecialist)).Fails(ErrorKind.Invalid, "action").Code.ShouldBe("nothing-to-direct");
    }

    [Test]
    public async Task Should_show_a_direction_overdue_after_its_due_time_and_done_once_the_result_is_ready()
    {
        var late = (await ReceiveComplete()).DossierId;
        var onTime = (await ReceiveComplete()).DossierId;
        (await Direct(late, specialist: TestOrg.SpecialistA, dueAt: Vn(2026, 3, 3, 17))).Ok();
        (await Direct(onTime, specialist: TestOrg.SpecialistA, dueAt: Vn(2026, 3, 6, 17))).Ok();

        Clock.Set(Vn(2026, 3, 4, 9));
        (await Submit(onTime)).Ok();
        (await Approve(onTime)).Ok();
        (await Sign(onTime)).Ok();

        var mine = (await DirectedBy(TestOrg.LeaderA)).ToDictionary(d => d.DossierId, d => d.State);
        mine[late].ShouldBe(DirectionState.Overdue);
        mine[onTime].ShouldBe(DirectionState.DoneOnTime);
    }
}
