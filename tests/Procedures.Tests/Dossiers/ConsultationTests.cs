using Procedures.Common;
using Procedures.Dossiers;

namespace Procedures.Tests.Dossiers;

public sealed class When_other_units_are_consulted : DossierTest
{
    private async Task<Guid> ConsultingDossier()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var id = (await Receive(Complete() with { ProcedureId = Org.LandCertificate, Documents = [new(Org.LandApplication)] })).Ok().DossierId;
        (await Assign(id)).Ok();
        return id;
    }

    private Task<DomainResult<DossierState>> Consult(Guid id, IReadOnlyDictionary<string, Guid>? units) =>
        Run<RequestConsultationHandler, DomainResult<DossierState>>(h => h.HandleAsync(
            new RequestConsultation(id, TestOrg.SpecialistA, "Xác định nghĩa vụ tài chính và hiện trạng thửa đất", units)));

    private Task<DomainResult<DossierState>> Reply(Guid id, string actor, string reply) =>
        Run<ReplyToConsultationHandler, DomainResult<DossierState>>(h => h.HandleAsync(new ReplyToConsultation(id, actor, reply)));

    [Test]
    public async Task Should_ask_in_parallel_with_a_deadline_each_and_record_the_late_reply_as_late()
    {
        var id = await ConsultingDossier();
        Clock.Set(Vn(2026, 3, 3, 11));
        var asked = (await Consult(id, new Dictionary<string, Guid> { ["taxUnit"] = Org.Tax, ["landUnit"] = Org.Land })).Ok();
        asked.OpenSteps.ShouldBe(["tax-opinion", "land-opinion"], ignoreOrder: true);
        asked.Status.ShouldBe(DossierStatus.Processing);

        Clock.Set(Vn(2026, 3, 4, 10));
        (await Reply(id, TestOrg.LandOfficer, "Thửa đất không tranh chấp")).Ok().OpenSteps.ShouldBe(["tax-opinion"]);
        (await Reply(id, TestOrg.HeadA, "Tôi trả lời thay")).Fails(ErrorKind.Forbidden);
        (await Reply(id, TestOrg.ClerkB, "Tôi trả lời thay")).Fails(ErrorKind.NotFound);
        Clock.Set(Vn(2026, 3, 6, 9));
        var joined = (await Reply(id, TestOrg.TaxOfficer, "Số tiền sử dụng đất phải nộp: 12.000.000 đ")).Ok();
        joined.OpenSteps.ShouldBe(["process"]);

        var details = (await Run<DossierQueries, DomainResult<DossierDetails>>(q => q.GetAsync(id, TestOrg.TaxOfficer))).Ok();
        var tax = details.Consultations.Single(c => c.ConsultedUnitId == Org.Tax);
        var land = details.Consultations.Single(c => c.ConsultedUnitId == Org.Land);
        tax.DueAt.ShouldBe(Vn(2026, 3, 5, 11));
        land.DueAt.ShouldBe(Vn(2026, 3, 4, 11));
        (tax.RepliedBy, tax.RepliedAt, tax.IsLate(Clock.GetUtcNow())).ShouldBe((TestOrg.TaxOfficer, Vn(2026, 3, 6, 9), true));
        (land.RepliedBy, land.IsLate(Clock.GetUtcNow())).ShouldBe((TestOrg.LandOfficer, false));
        tax.Subject.ShouldBe("Xác định nghĩa vụ tài chính và hiện trạng thửa đất");

        var replies = (await Events(id)).Where(e => e.Kind == "ConsultationReplied").ToList();
        replies.Select(e => (e.Actor, e.Timeliness)).ShouldBe([(TestOrg.LandOfficer, Timeliness.OnTime), (TestOrg.TaxOfficer, Timeliness.Late)]);
        replies.Select(e => e.ActorUnitId).ShouldBe([Org.Land, Org.Tax]);

        (await Submit(id)).Ok().OpenSteps.ShouldBe(["review"]);
    }

    [Test]
    public async Task Should_refuse_a_consultation_without_the_units_to_consult_and_write_nothing()
    {
        var id = await ConsultingDossier();
        var before = await Snapshot();
        (await Consult(id, new Dictionary<string, Guid> { ["taxUnit"] = Org.Tax })).Fails(ErrorKind.Invalid, "action");
        (await Consult(id, new Dictionary<string, Guid> { ["taxUnit"] = Guid.NewGuid(), ["landUnit"] = Org.Land })).Fails(ErrorKind.Invalid, "units.taxUnit");
        (await Snapshot()).ShouldBe(before);
    }
}

public sealed class When_a_consultation_deadline_passes_the_appointment : DossierTest
{
    /// <summary>Received Tuesday 3 March 2026 at 9:00 with 10 working days: the appointment is Tuesday 17 March at 17:00.</summary>
    private async Task<Guid> LateInTheDossier()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var id = (await Receive(Complete() with { ProcedureId = Org.LandCertificate, Documents = [new(Org.LandApplication)] })).Ok().DossierId;
        (await Assign(id)).Ok();
        (await Load(id)).AppointmentAt.ShouldBe(Vn(2026, 3, 17, 17));
        // The tax office has 2 working days: Wednesday 18 March at 9:00, after the appointment.
        Clock.Set(Vn(2026, 3, 16, 9));
        return id;
    }

    private Task<DomainResult<DossierState>> Consult(Guid id, string? reason) =>
        Run<RequestConsultationHandler, DomainResult<DossierState>>(h => h.HandleAsync(new RequestConsultation(id, TestOrg.SpecialistA,
            "Xác định nghĩa vụ tài chính", new Dictionary<string, Guid> { ["taxUnit"] = Org.Tax, ["landUnit"] = Org.Land }, LateDeadlineReason: reason)));

    [TestCase(null)]
    [TestCase("   ")]
    public async Task Should_refuse_it_without_a_reason_naming_the_field_and_write_nothing(string? reason)
    {
        var id = await LateInTheDossier();
        var before = await Snapshot();

        var error = (await Consult(id, reason)).Fails(ErrorKind.Invalid, "lateDeadlineReason");

        error.Code.ShouldBe("consultation-after-appointment");
        error.MessageVi.ShouldContain("18/03/2026 09:00");
        error.MessageVi.ShouldContain("17/03/2026 17:00");
        (await Snapshot()).ShouldBe(before);
    }

    [Test]
    public async Task Should_accept_it_with_a_reason_and_keep_the_reason_in_the_history()
    {
        var id = await LateInTheDossier();

        (await Consult(id, "Cơ quan thuế cần đủ 2 ngày làm việc theo quy chế phối hợp")).Ok().OpenSteps.ShouldBe(["tax-opinion", "land-opinion"], ignoreOrder: true);

        var asked = (await Events(id)).Single(e => e.Kind == "ConsultationRequested");
        asked.Comment.ShouldNotBeNull().ShouldContain("Cơ quan thuế cần đủ 2 ngày làm việc theo quy chế phối hợp");
        asked.Data.ShouldNotBeNull().ShouldContain("lateDeadlineReason");
    }

    [Test]
    public async Task Should_need_no_reason_while_every_deadline_is_before_the_appointment()
    {
        var id = await LateInTheDossier();
        Clock.Set(Vn(2026, 3, 13, 9));
        (await Consult(id, null)).Ok();
        (await Events(id)).Single(e => e.Kind == "ConsultationRequested").Comment.ShouldBe("Xác định nghĩa vụ tài chính");
    }
}
