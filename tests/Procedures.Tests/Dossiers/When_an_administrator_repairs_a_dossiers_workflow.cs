using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Tests.Dossiers;

/// <summary>
/// A system administrator repairs a dossier's workflow: each repair commits with a row in the dossier's history (who, why,
/// what changed), and what a move opens is applied as after an official's move.
/// </summary>
public sealed class When_an_administrator_repairs_a_dossiers_workflow : DossierTest
{
    private const string Admin = "sys.admin", Why = "Sửa lỗi đồng bộ với hệ thống thuế";

    [SetUp]
    public async Task AddSystemAdministrator()
    {
        var id = Guid.NewGuid();
        Db.Officials.Add(new Official
        {
            Id = id, UserName = Admin, FullName = "Quản Trị Viên",
            Memberships = [new Membership { Id = Guid.NewGuid(), OfficialId = id, UnitId = Org.Province, Roles = [Role.SystemAdmin], EffectiveFrom = new DateOnly(2020, 1, 1) }],
        });
        await Db.SaveChangesAsync();
    }

    private Task<DomainResult<WorkflowRepaired>> Repair<THandler>(Func<THandler, Task<DomainResult<WorkflowRepaired>>> call) where THandler : notnull =>
        Run(call);

    private async Task<Guid> InstanceOf(Guid dossierId) => (await Load(dossierId)).WorkflowInstanceId!.Value;

    private async Task<List<Consultation>> Consultations(Guid dossierId)
    {
        await using var scope = NewScope();
        return await scope.ServiceProvider.GetRequiredService<ProceduresDb>().Consultations.AsNoTracking().Where(c => c.DossierId == dossierId).ToListAsync();
    }

    private async Task<Engine.Queries.WorkItemView> OpenItem(Guid dossierId, string step) =>
        (await Run<DossierQueries, DomainResult<DossierDetails>>(q => q.GetAsync(dossierId, TestOrg.HeadA))).Ok().OpenWorkItems.Single(w => w.StepId == step);

    [Test]
    public async Task Should_record_a_suspension_refuse_the_officials_meanwhile_and_resume()
    {
        var id = (await ReceiveComplete()).DossierId;
        var instance = await InstanceOf(id);

        (await Repair<SuspendWorkflowHandler>(h => h.HandleAsync(new SuspendWorkflow(instance, Admin, "Chờ kết luận thanh tra")))).Ok().Dossier.OpenSteps.ShouldBe(["assign"]);
        (await Assign(id)).Fails(ErrorKind.Conflict).Code.ShouldBe("not-running");
        (await Repair<SuspendWorkflowHandler>(h => h.HandleAsync(new SuspendWorkflow(instance, Admin, "lần nữa")))).Fails(ErrorKind.Conflict);
        (await Repair<ResumeWorkflowHandler>(h => h.HandleAsync(new ResumeWorkflow(instance, Admin, "Đã có kết luận thanh tra")))).Ok();
        (await Assign(id)).Ok();

        var events = (await Events(id)).Where(e => e.Kind.StartsWith("Workflow", StringComparison.Ordinal)).ToList();
        events.Select(e => (e.Kind, e.Actor, e.ActorName, e.Comment)).ShouldBe([
            (WorkflowRepairRules.Suspended, Admin, "Quản Trị Viên", "Chờ kết luận thanh tra"),
            (WorkflowRepairRules.Resumed, Admin, "Quản Trị Viên", "Đã có kết luận thanh tra")]);
        JsonDocument.Parse(events[0].Data!).RootElement.GetProperty("waitingAt")[0].GetString().ShouldBe("assign");
        events[0].Timeliness.ShouldBeNull();
    }

    [Test]
    public async Task Should_move_a_consulted_path_and_give_the_new_step_its_consultation_like_a_normal_move()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var id = (await Receive(Complete() with { ProcedureId = Org.LandCertificate, Documents = [new(Org.LandApplication)] })).Ok().DossierId;
        (await Assign(id)).Ok();
        (await Run<RequestConsultationHandler, DomainResult<DossierState>>(h => h.HandleAsync(new RequestConsultation(id, TestOrg.SpecialistA,
            "Xác định nghĩa vụ tài chính", new Dictionary<string, Guid> { ["taxUnit"] = Org.Tax, ["landUnit"] = Org.Land })))).Ok();
        var asked = (await Consultations(id)).Single(c => c.ConsultedUnitId == Org.Tax);

        Clock.Set(Vn(2026, 3, 4, 9));
        var instance = await InstanceOf(id);
        var moved = (await Repair<MoveWorkflowPathHandler>(h => h.HandleAsync(new MoveWorkflowPath(instance, Admin, "tax-opinion", Why, "tax-opinion")))).Ok();
        moved.Dossier.OpenSteps.ShouldBe(["land-opinion", "tax-opinion"], ignoreOrder: true);

        var again = (await Consultations(id)).Where(c => c.ConsultedUnitId == Org.Tax).OrderBy(c => c.RequestedAt).ToList();
        again.Count.ShouldBe(2);
        var (fresh, opened) = (again[1], await OpenItem(id, "tax-opinion"));
        fresh.WorkItemId.ShouldBe(opened.Id);
        fresh.WorkItemId.ShouldNotBe(asked.WorkItemId);
        // The new item's due time, which the tax branch's own deadline still bounds, as after the specialist's request.
        (fresh.RequestedBy, fresh.RequestedAt, fresh.DueAt).ShouldBe((Admin, Vn(2026, 3, 4, 9), opened.DueAt));
        opened.DueAt.ShouldBe(Vn(2026, 3, 5, 9));
        var repaired = (await Events(id)).Last();
        (repaired.Kind, repaired.Actor, repaired.Step, repaired.Comment).ShouldBe((WorkflowRepairRules.Repaired, Admin, "tax-opinion", Why));
        var facts = JsonDocument.Parse(repaired.Data!).RootElement;
        (facts.GetProperty("repair").GetString(), facts.GetProperty("from").GetString(), facts.GetProperty("to").GetString()).ShouldBe(("move", "tax-opinion", "tax-opinion"));
        facts.GetProperty("next")[0].GetProperty("unit").GetString().ShouldBe(Org.Tax.ToString());

        // The tax officer replies to the new consultation as to any other.
        (await Run<ReplyToConsultationHandler, DomainResult<DossierState>>(h => h.HandleAsync(new ReplyToConsultation(id, TestOrg.TaxOfficer, "Đã xác định")))).Ok();
        (await Consultations(id)).Single(c => c.Id == fresh.Id).RepliedBy.ShouldBe(TestOrg.TaxOfficer);
    }

    [Test]
    public async Task Should_cancel_a_work_item_and_reopen_its_step_with_both_in_the_history()
    {
        var id = (await ReceiveComplete()).DossierId;
        var instance = await InstanceOf(id);
        var assign = await OpenItem(id, "assign");

        (await Repair<CancelWorkItemHandler>(h => h.HandleAsync(new CancelWorkItem(assign.Id, Admin, "Giao nhầm đơn vị")))).Ok().Dossier.OpenSteps.ShouldBeEmpty();
        (await Repair<CancelWorkItemHandler>(h => h.HandleAsync(new CancelWorkItem(assign.Id, Admin, "lần nữa")))).Fails(ErrorKind.Conflict);
        var reopened = (await Repair<ReopenWorkItemHandler>(h => h.HandleAsync(new ReopenWorkItem(assign.Id, Admin, "Giao lại đúng đơn vị")))).Ok();
        reopened.InstanceId.ShouldBe(instance);
        reopened.Dossier.OpenSteps.ShouldBe(["assign"]);

        var events = (await Events(id)).Where(e => e.Kind == WorkflowRepairRules.Repaired).ToList();
        events.Select(e => (e.Step, e.Comment)).ShouldBe([("assign", "Giao nhầm đơn vị"), ("assign", "Giao lại đúng đơn vị")]);
        events.Select(e => JsonDocument.Parse(e.Data!).RootElement.GetProperty("repair").GetString()).ShouldBe(["cancel-work-item", "reopen-work-item"]);
        (await Assign(id)).Ok();
    }

    [Test]
    public async Task Should_refuse_without_a_reason_for_others_for_unknown_ids_and_a_move_that_ends_the_workflow_writing_nothing()
    {
        var id = (await ReceiveComplete()).DossierId;
        var instance = await InstanceOf(id);
        var before = await Snapshot();

        (await Repair<SuspendWorkflowHandler>(h => h.HandleAsync(new SuspendWorkflow(instance, Admin, " ")))).Fails(ErrorKind.Invalid, "reason");
        (await Repair<MoveWorkflowPathHandler>(h => h.HandleAsync(new MoveWorkflowPath(instance, Admin, "process", null)))).Fails(ErrorKind.Invalid, "reason");
        (await Repair<MoveWorkflowPathHandler>(h => h.HandleAsync(new MoveWorkflowPath(instance, Admin, null, Why)))).Fails(ErrorKind.Invalid, "toStepId");
        (await Repair<MoveWorkflowPathHandler>(h => h.HandleAsync(new MoveWorkflowPath(instance, Admin, "nowhere", Why)))).Fails(ErrorKind.Invalid, "toStepId");
        (await Repair<MoveWorkflowPathHandler>(h => h.HandleAsync(new MoveWorkflowPath(instance, Admin, "refused", Why)))).Fails(ErrorKind.Invalid, "toStepId")
            .Code.ShouldBe("ends-workflow");
        (await Repair<SuspendWorkflowHandler>(h => h.HandleAsync(new SuspendWorkflow(instance, TestOrg.LeaderA, Why)))).Fails(ErrorKind.Forbidden);
        (await Repair<SuspendWorkflowHandler>(h => h.HandleAsync(new SuspendWorkflow(Guid.NewGuid(), Admin, Why)))).Fails(ErrorKind.NotFound, "id");
        (await Repair<CancelWorkItemHandler>(h => h.HandleAsync(new CancelWorkItem(Guid.NewGuid(), Admin, Why)))).Fails(ErrorKind.NotFound, "id");
        (await Repair<ResumeWorkflowHandler>(h => h.HandleAsync(new ResumeWorkflow(instance, Admin, Why)))).Fails(ErrorKind.Conflict).Code.ShouldBe("not-running");

        (await Snapshot()).ShouldBe(before);
    }

    [Test]
    public async Task Should_count_a_move_on_from_reception_as_processing_and_record_the_step_the_path_left()
    {
        var id = (await ReceiveComplete()).DossierId;
        var instance = await InstanceOf(id);
        var moved = (await Repair<MoveWorkflowPathHandler>(h => h.HandleAsync(new MoveWorkflowPath(instance, Admin, "review", Why)))).Ok();
        moved.Dossier.Status.ShouldBe(DossierStatus.Processing);
        moved.Dossier.OpenSteps.ShouldBe(["review"]);
        var repaired = (await Events(id)).Last();
        (repaired.Step, repaired.Timeliness).ShouldBe(("assign", null));
    }
}
