using Procedures.Dossiers;

namespace Procedures.Tests.Dossiers;

public sealed class When_a_same_day_procedure_folds_its_steps : DossierTest
{
    [Test]
    public async Task Should_be_taken_from_the_specialists_queue_and_finished_by_closing_time()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var receipt = (await Receive(Complete() with { ProcedureId = Org.Certification, Documents = [], Pages = 3 })).Ok();
        (receipt.Fee, receipt.AppointmentAt).ShouldBe((2 * 2_000m + 1_000m, Vn(2026, 3, 3, 17)));
        var id = receipt.DossierId;

        Clock.Set(Vn(2026, 3, 3, 10));
        (await Submit(id, TestOrg.SpecialistA2)).Ok().Status.ShouldBe(DossierStatus.Processing);
        Clock.Set(Vn(2026, 3, 3, 11));
        (await Sign(id)).Ok().Status.ShouldBe(DossierStatus.Finished);
        Clock.Set(Vn(2026, 3, 3, 16));
        (await Return(id)).Ok().Status.ShouldBe(DossierStatus.Returned);

        var dossier = await Load(id);
        (dossier.SignedBy, dossier.SignedOnBehalfOf, dossier.Timeliness).ShouldBe((TestOrg.LeaderA, (string?)null, Timeliness.OnTime));
        (await Events(id)).Select(e => e.Kind).ShouldBe(["Received", "Appraised", "Signed", "Returned", "Archived"]);
    }

    [Test]
    public async Task Should_be_due_at_the_end_of_the_next_working_day_when_received_after_15_00()
    {
        Clock.Set(Vn(2026, 3, 6, 15, 5));
        (await Receive(Complete() with { ProcedureId = Org.Certification, Documents = [], Pages = 1 })).Ok()
            .AppointmentAt.ShouldBe(Vn(2026, 3, 9, 17));
    }
}
