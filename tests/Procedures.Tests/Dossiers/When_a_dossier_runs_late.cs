using Procedures.Common;
using Procedures.Dossiers;

namespace Procedures.Tests.Dossiers;

public sealed class When_a_dossier_runs_late : DossierTest
{
    private async Task<Guid> DossierDueOnTuesdayTenth()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var id = (await ReceiveComplete()).DossierId;
        Clock.Set(Vn(2026, 3, 3, 9, 30));
        (await Assign(id)).Ok();
        return id;
    }

    private Task<DeadlineReport> Deadlines(string actor = TestOrg.HeadA) =>
        Run<OverdueQueries, DomainResult<DeadlineReport>>(q => q.ListAsync(actor)).ContinueWith(t => t.Result.Ok(), TaskScheduler.Default);

    [Test]
    public async Task Should_list_it_as_due_soon_a_working_day_ahead_then_overdue_with_its_late_work_item()
    {
        var id = await DossierDueOnTuesdayTenth();
        Clock.Set(Vn(2026, 3, 9, 9));
        (await Deadlines()).Dossiers.ShouldBeEmpty();
        Clock.Set(Vn(2026, 3, 10, 9));
        var soon = await Deadlines();
        soon.Dossiers.Single().ShouldBe(new DossierDeadline(id, (await Load(id)).Code, DossierStatus.Processing, Org.CommuneA, Vn(2026, 3, 10, 17), DeadlineState.DueSoon, false));
        var late = soon.WorkItems.Single();
        (late.DossierId, late.StepId, late.Assignee, late.DueAt, late.State).ShouldBe((id, "process", TestOrg.SpecialistA, Vn(2026, 3, 5, 9, 30), DeadlineState.Overdue));
        Clock.Set(Vn(2026, 3, 11, 9));
        (await Deadlines()).Dossiers.Single().State.ShouldBe(DeadlineState.Overdue);
        (await Deadlines(TestOrg.ClerkB)).Dossiers.ShouldBeEmpty();
    }

    [Test]
    public async Task Should_apologise_once_with_a_new_date_and_the_unit_that_caused_the_delay()
    {
        var id = await DossierDueOnTuesdayTenth();
        Clock.Set(Vn(2026, 3, 9, 9));
        (await Apologise(id, new DateOnly(2026, 3, 13))).Ok().AppointmentAt.ShouldBe(Vn(2026, 3, 13, 17));
        var dossier = await Load(id);
        (dossier.OriginalAppointmentAt, dossier.DelayUnitId, dossier.ApologyBy, dossier.ApologyAt).ShouldBe((Vn(2026, 3, 10, 17), Org.CommuneA, TestOrg.LeaderA, Vn(2026, 3, 9, 9)));
        var apology = (await Events(id)).Last();
        (apology.Kind, apology.DueAt, apology.Timeliness).ShouldBe(("Apologised", Vn(2026, 3, 10, 17), Timeliness.OnTime));
        (await OutboxTypes()).ShouldContain(typeof(ApologyIssued).FullName!);
        Clock.Set(Vn(2026, 3, 11, 9));
        (await Deadlines()).Dossiers.ShouldBeEmpty();

        var before = await Snapshot();
        var second = (await Apologise(id, new DateOnly(2026, 3, 20))).Fails(ErrorKind.Conflict);
        second.Code.ShouldBe("apology-already-issued");
        (await Snapshot()).ShouldBe(before);
    }

    [Test]
    public async Task Should_still_accept_an_apology_after_the_appointment_but_record_it_late()
    {
        var id = await DossierDueOnTuesdayTenth();
        Clock.Set(Vn(2026, 3, 11, 9));
        (await Apologise(id, new DateOnly(2026, 3, 16))).Ok();
        (await Events(id)).Last().Timeliness.ShouldBe(Timeliness.Late);
    }

    [Test]
    public async Task Should_refuse_a_new_date_on_a_weekend_or_not_after_the_current_one()
    {
        var id = await DossierDueOnTuesdayTenth();
        var before = await Snapshot();
        (await Apologise(id, new DateOnly(2026, 3, 14))).Fails(ErrorKind.Invalid, "newAppointmentDate");
        (await Apologise(id, new DateOnly(2026, 3, 10))).Fails(ErrorKind.Invalid, "newAppointmentDate");
        (await Apologise(id, new DateOnly(2026, 3, 13), Org.CommuneB)).Fails(ErrorKind.Invalid, "delayUnitId");
        (await Apologise(id, new DateOnly(2026, 3, 13), actor: TestOrg.SpecialistA)).Fails(ErrorKind.Forbidden);
        (await Snapshot()).ShouldBe(before);
    }

    [Test]
    public async Task Should_not_count_the_citizens_supplement_time_as_the_agencys_delay()
    {
        var id = await DossierDueOnTuesdayTenth();
        (await RequestSupplement(id)).Ok();
        Clock.Set(Vn(2026, 3, 11, 9));
        (await Deadlines()).Dossiers.ShouldBeEmpty();
        (await Apologise(id, new DateOnly(2026, 3, 13))).Fails(ErrorKind.Conflict).Code.ShouldBe("clock-not-running");
    }
}
