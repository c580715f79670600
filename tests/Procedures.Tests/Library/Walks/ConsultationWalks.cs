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
            ("taxUnit", Province.Unit(TaxOffice).ToString()), ("issuingUnit", Province.Unit(HamYen).ToString())), next: [DossierSteps.Assign]);
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

    /// <summary>Gap G4: after the police reply the specialist's <c>compile</c> step has no use case.</summary>
    [Test]
    public async Task Should_get_the_police_verification_of_a_judicial_record_but_stop_at_the_compilation()
    {
        var walk = await ReceiveAsync("judicial-record-certificate", DepartmentShop, "stp.clerk", inputs: Fields(("policeUnit", Province.Unit(HamYenPolice).ToString())),
            next: [DossierSteps.Assign]);
        walk.Pace = TimeSpan.FromHours(4);
        await walk.Assign("stp.section-head", "stp.specialist2", DossierSteps.Process);

        await walk.Consult("stp.specialist2", "request-verification", Fields(("verificationRequest", "Xác minh án tích của người yêu cầu")), ["police-verification"]);
        var police = (await Consultations(walk.Id)).Single();
        police.ShouldSatisfyAllConditions(c => c.ConsultedUnitId.ShouldBe(Province.Unit(HamYenPolice)), c => c.RequestedBy.ShouldBe("stp.specialist2"),
            c => c.RepliedAt.ShouldBeNull());
        await walk.Reply("hy.police.officer", Fields(("verificationResult", "Không có án tích")), ["compile"]);
        var compiled = await walk.Try<SubmitAppraisalHandler>(h => h.HandleAsync(new SubmitAppraisal(walk.Id, "stp.specialist2", "Tổng hợp kết quả xác minh")));

        compiled.Fails(ErrorKind.Invalid, "action").Code.ShouldBe("action-not-allowed");
        (await Consultations(walk.Id)).Single().Reply.ShouldBe("Đã xử lý theo đề nghị phối hợp");
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
