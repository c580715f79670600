using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Persistence;
using Procedures.Tests.Dossiers;
using static Procedures.Samples.SampleProvince;

namespace Procedures.Tests.Library.Walks;

public sealed class When_a_library_dossier_consults_another_agency : WalkTest
{
    [Test]
    public async Task Should_record_the_tax_branch_reply_as_late_when_it_comes_after_the_branch_budget()
    {
        var walk = await ReceiveAsync("land-use-certificate-first-issue", HamYenShop, "hy.clerk", inputs: Fields(
            ("taxUnit", Province.Unit(TaxOffice).ToString()), ("issuingUnit", Province.Unit(HamYen).ToString()),
            ("landRegistrationUnit", Province.Unit(LandRegistrationOffice).ToString())), next: [DossierSteps.Assign]);
        walk.Pace = TimeSpan.FromHours(4);
        await walk.Assign("hy.economy.section-head", "hy.economy.specialist", DossierSteps.Process);
        var postingEnds = Clock.GetUtcNow().AddDays(1);
        await walk.Submit("hy.economy.specialist", Fields(("postingEndsAt", postingEnds.ToString("O"))), []);
        Clock.Set(postingEnds.AddMinutes(1));
        (await FireDueTimers()).ShouldBe(1);
        var due = await DueAt(walk.Id, "tax-assessment");
        due.ShouldBe(Calendar.Add(Clock.GetUtcNow(), Engine.Definitions.WorkingTime.Days(5), Province.Unit(TaxOffice).ToString()).ToUniversalTime());
        Clock.Set(due.AddDays(1));

        await walk.Reply("tax.officer", Fields(("taxNoticeNumber", "TB-0456/2026"), ("financialObligation", "8400000")), ["update-cadastre"]);

        var tax = (await Consultations(walk.Id)).Single();
        tax.ShouldSatisfyAllConditions(c => c.ConsultedUnitId.ShouldBe(Province.Unit(TaxOffice)), c => c.DueAt.ShouldBe(due),
            c => c.RepliedBy.ShouldBe("tax.officer"), c => c.RepliedAt.ShouldBe(Clock.GetUtcNow()));
        (await LastEvent(walk.Id)).ShouldSatisfyAllConditions(e => e.Kind.ShouldBe("ConsultationReplied"), e => e.DueAt.ShouldBe(due),
            e => e.Timeliness.ShouldBe(Timeliness.Late));
        await walk.ShouldHaveRecordedEachUseCase();
    }

    [Test]
    public async Task Should_get_the_police_verification_of_a_judicial_record_compile_it_and_return_the_certificate()
    {
        var walk = await ReceiveAsync("judicial-record-certificate", ProvincialPoliceShop, "ca.clerk", inputs: Fields(("policeUnit", Province.Unit(HamYenPolice).ToString())),
            next: [DossierSteps.Assign]);
        walk.Pace = TimeSpan.FromHours(4);
        await walk.Assign("ca.section-head", "ca.specialist2", DossierSteps.Process);

        await walk.Consult("ca.specialist2", "request-verification", Fields(("verificationRequest", "Xác minh án tích của người yêu cầu")), ["police-verification"]);
        var police = (await Consultations(walk.Id)).Single();
        police.ShouldSatisfyAllConditions(c => c.ConsultedUnitId.ShouldBe(Province.Unit(HamYenPolice)), c => c.RequestedBy.ShouldBe("ca.specialist2"),
            c => c.RepliedAt.ShouldBeNull());
        await walk.Reply("hy.police.officer", Fields(("verificationResult", "Không có án tích")), [DossierSteps.Compile]);
        await walk.Complete("ca.specialist2", DossierSteps.Compile, "submit", null, [DossierSteps.Review], comment: "Tổng hợp kết quả xác minh");
        await walk.Approve("ca.section-head", DossierSteps.Sign);
        await walk.Sign("ca.leader", DossierSteps.ReturnResult);
        await walk.Return("ca.clerk");

        await ShouldBeReturnedAndArchived(walk);
        (await Consultations(walk.Id)).Single().Reply.ShouldBe("Đã xử lý theo đề nghị phối hợp");
    }

    [Test]
    public async Task Should_stop_a_judicial_record_refused_at_the_compilation_after_the_police_reply()
    {
        var walk = await ReceiveAsync("judicial-record-certificate", ProvincialPoliceShop, "ca.clerk", inputs: Fields(("policeUnit", Province.Unit(HamYenPolice).ToString())),
            next: [DossierSteps.Assign]);
        await walk.Assign("ca.section-head", "ca.specialist2", DossierSteps.Process);
        await walk.Consult("ca.specialist2", "request-verification", Fields(("verificationRequest", "Xác minh án tích của người yêu cầu")), ["police-verification"]);
        await walk.Reply("hy.police.officer", Fields(("verificationResult", "Thông tin nhân thân không khớp")), [DossierSteps.Compile]);

        await walk.Refuse("ca.specialist2", "Thông tin nhân thân trong tờ khai không khớp với kết quả xác minh", DossierStatus.Stopped);

        (await InstanceOutcome(walk.Id)).ShouldBe("Completed/refused");
        await walk.ShouldHaveRecordedEachUseCase();
    }

    private async Task<DateTimeOffset> DueAt(Guid dossierId, string step)
    {
        var instance = (await Load(dossierId)).WorkflowInstanceId!.Value;
        await using var scope = NewScope();
        return await scope.ServiceProvider.GetRequiredService<ProceduresDb>().Database.SqlQuery<DateTimeOffset>(
            $"SELECT due_at AS \"Value\" FROM engine.work_items WHERE instance_id = {instance} AND step_id = {step} AND status = 'Open'").SingleAsync();
    }

    private async Task<DossierEvent> LastEvent(Guid dossierId)
    {
        await using var scope = NewScope();
        return await scope.ServiceProvider.GetRequiredService<ProceduresDb>().DossierEvents.AsNoTracking()
            .Where(e => e.DossierId == dossierId).OrderByDescending(e => e.Id).FirstAsync();
    }
}
