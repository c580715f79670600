using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Catalogue;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Organisation;

namespace Procedures.Tests.Dossiers;

/// <summary>The supplement rules as settings: the province's defaults and a procedure's own values, read on every use.</summary>
public abstract class SupplementRulesTest : DossierTest
{
    protected static readonly Actor Admin = new(Guid.NewGuid(), "admin", "Quản trị hệ thống", null,
        [new ActorMembership(Guid.NewGuid(), "000.00.00.H40", "/", [Role.SystemAdmin])]);

    protected const string ConstructionBasis = "Nghị định 175/2024/NĐ-CP: thông báo bổ sung một lần (cần kiểm tra)";

    protected Task<DomainResult<ProcedureSupplementRulesView>> SetOwnRules(SupplementRuleOverride rules, Actor? actor = null) =>
        Run<UpdateSupplementRulesHandler, DomainResult<ProcedureSupplementRulesView>>(h => h.HandleAsync(actor ?? Admin, new SetProcedureSupplementRules(Org.Business, rules)));

    protected Task<DomainResult<SupplementDefaultsView>> SetDefaults(UpdateSupplementDefaults defaults, Actor? actor = null) =>
        Run<UpdateSupplementRulesHandler, DomainResult<SupplementDefaultsView>>(h => h.HandleAsync(actor ?? Admin, defaults));

    /// <summary>Received complete on Tuesday 3 March 2026 at 9:00 and with the specialist, whose supplement window (3 working days) runs to Friday 17:00.</summary>
    protected async Task<Guid> InProcessing()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var id = (await ReceiveComplete()).DossierId;
        (await Assign(id)).Ok();
        return id;
    }

    /// <summary>Asked once during processing, handed in complete on Monday 9 March, and back with the specialist.</summary>
    protected async Task<Guid> SuppliedOnce()
    {
        var id = await InProcessing();
        Clock.Set(Vn(2026, 3, 4, 10));
        (await RequestSupplement(id)).Ok();
        Clock.Set(Vn(2026, 3, 9, 9));
        (await Run<ReceiveSupplementHandler, DomainResult<DossierState>>(h => h.HandleAsync(
            new ReceiveSupplement(id, TestOrg.ClerkA, [new(Org.Lease), new(null, "Sơ đồ vị trí")], "Đã đủ")))).Ok();
        (await Assign(id)).Ok();
        Clock.Set(Vn(2026, 3, 10, 9));
        return id;
    }

    protected async Task<IReadOnlyList<UnsuppliedDossier>> Expire()
    {
        await using var scope = NewScope();
        return await scope.ServiceProvider.GetRequiredService<StopUnsuppliedDossiers>().HandleAsync();
    }
}

public sealed class When_a_second_supplement_is_requested : SupplementRulesTest
{
    [Test]
    public async Task Should_refuse_it_by_default_naming_the_rule_and_move_nothing()
    {
        var id = await SuppliedOnce();
        var before = await Snapshot();

        var error = (await RequestSupplement(id)).Fails(ErrorKind.Conflict, "missingItems");

        error.Code.ShouldBe("supplement-limit-reached");
        error.MessageVi.ShouldContain("chỉ cho phép yêu cầu bổ sung 1 lần");
        error.MessageVi.ShouldContain("Nghị định 61/2018/NĐ-CP");
        error.MessageEn.ShouldContain("allows 1 request(s)");
        (await Snapshot()).ShouldBe(before);
        (await Load(id)).SupplementCount.ShouldBe(1);
    }

    [Test]
    public async Task Should_allow_it_where_the_procedure_says_so_and_refuse_the_one_after()
    {
        (await SetOwnRules(new SupplementRuleOverride(MaxRequests: 2, WindowDays: 10, LegalBasis: "Luật chuyên ngành cho phép bổ sung hai lần"))).Ok();
        var id = await SuppliedOnce();

        (await RequestSupplement(id)).Ok().Status.ShouldBe(DossierStatus.SupplementRequested);
        (await Load(id)).SupplementCount.ShouldBe(2);

        Clock.Set(Vn(2026, 3, 11, 9));
        (await Run<ReceiveSupplementHandler, DomainResult<DossierState>>(h => h.HandleAsync(
            new ReceiveSupplement(id, TestOrg.ClerkA, [new(null, "Sơ đồ vị trí")], "Đã đủ")))).Ok();
        (await Assign(id)).Ok();
        var third = (await RequestSupplement(id)).Fails(ErrorKind.Conflict, "missingItems");
        third.Code.ShouldBe("supplement-limit-reached");
        third.MessageVi.ShouldContain("Luật chuyên ngành cho phép bổ sung hai lần");
    }

    [Test]
    public async Task Should_count_a_request_made_at_the_counter()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var id = (await Receive(Complete() with { Documents = [new(Org.Form), new(Org.IdCopy)], Decision = ReceptionDecision.RequestSupplement })).Ok().DossierId;
        Clock.Set(Vn(2026, 3, 4, 9));
        (await Run<ReceiveSupplementHandler, DomainResult<DossierState>>(h => h.HandleAsync(new ReceiveSupplement(id, TestOrg.ClerkA, [new(Org.Minutes)])))).Ok();
        (await Assign(id)).Ok();

        (await RequestSupplement(id)).Fails(ErrorKind.Conflict).Code.ShouldBe("supplement-limit-reached");
    }
}

public sealed class When_supplement_rules_change_in_settings : SupplementRulesTest
{
    [Test]
    public async Task Should_give_the_next_request_the_new_citizen_deadline_without_a_restart()
    {
        var first = await InProcessing();
        Clock.Set(Vn(2026, 3, 4, 10));
        (await RequestSupplement(first)).Ok();
        (await Load(first)).SupplementDueAt.ShouldBe(Vn(2026, 3, 18, 17));

        var saved = (await SetDefaults(new UpdateSupplementDefaults(1, 3, 5, SupplementExpiry.Refuse, "Quyết định của UBND tỉnh (thử nghiệm)"))).Ok();
        saved.Policy.CitizenDays.ShouldBe(5);
        saved.UpdatedBy.ShouldBe("admin");

        var second = await InProcessing();
        Clock.Set(Vn(2026, 3, 4, 10));
        (await RequestSupplement(second)).Ok();
        (await Load(second)).SupplementDueAt.ShouldBe(Vn(2026, 3, 11, 17));
    }

    [Test]
    public async Task Should_let_a_procedure_window_allow_a_request_the_province_window_refuses()
    {
        var id = await InProcessing();
        Clock.Set(Vn(2026, 3, 10, 9));
        (await RequestSupplement(id)).Fails(ErrorKind.Conflict).Code.ShouldBe("supplement-window-closed");

        var own = (await SetOwnRules(new SupplementRuleOverride(WindowDays: 7, CitizenDays: 5, LegalBasis: ConstructionBasis))).Ok();
        own.Effective.ShouldBe(SupplementPolicy.BuiltIn with { WindowDays = 7, CitizenDays = 5, LegalBasis = ConstructionBasis });

        (await RequestSupplement(id)).Ok().Status.ShouldBe(DossierStatus.SupplementRequested);
        (await Load(id)).SupplementDueAt.ShouldBe(Vn(2026, 3, 17, 17));
    }

    [Test]
    public async Task Should_take_the_province_default_again_once_the_override_is_removed()
    {
        (await SetOwnRules(new SupplementRuleOverride(MaxRequests: 2, LegalBasis: "Luật chuyên ngành"))).Ok().Effective.MaxRequests.ShouldBe(2);
        var cleared = (await SetOwnRules(new SupplementRuleOverride())).Ok();
        cleared.Own.IsEmpty.ShouldBeTrue();
        cleared.Effective.ShouldBe(SupplementPolicy.BuiltIn);
    }

    [TestCase(0, 3, 10, "x", "maxRequests")]
    [TestCase(6, 3, 10, "x", "maxRequests")]
    [TestCase(1, -1, 10, "x", "windowDays")]
    [TestCase(1, 3, 0, "x", "citizenDays")]
    [TestCase(1, 3, 91, "x", "citizenDays")]
    [TestCase(1, 3, 10, " ", "legalBasis")]
    public async Task Should_refuse_defaults_out_of_range_naming_the_field(int max, int window, int citizen, string basis, string field)
    {
        (await SetDefaults(new UpdateSupplementDefaults(max, window, citizen, SupplementExpiry.Refuse, basis))).Fails(ErrorKind.Invalid, field);
        (await Run<SupplementPolicies, SupplementDefaultsView>(p => p.DefaultsAsync())).ShouldBe(new SupplementDefaultsView(SupplementPolicy.BuiltIn, null, null));
    }

    [Test]
    public async Task Should_refuse_an_unknown_expiry_action()
    {
        (await SetDefaults(new UpdateSupplementDefaults(1, 3, 10, (SupplementExpiry)7, "x"))).Fails(ErrorKind.Invalid, "onExpiry");
        (await SetOwnRules(new SupplementRuleOverride(OnExpiry: (SupplementExpiry)7, LegalBasis: "x"))).Fails(ErrorKind.Invalid, "onExpiry");
    }

    [Test]
    public async Task Should_want_the_legal_basis_of_a_procedure_that_departs_from_the_province()
    {
        (await SetOwnRules(new SupplementRuleOverride(MaxRequests: 2))).Fails(ErrorKind.Invalid, "legalBasis");
        (await Run<SupplementPolicies, SupplementPolicy>(p => p.EffectiveAsync(Org.Business))).ShouldBe(SupplementPolicy.BuiltIn);
    }

    [Test]
    public async Task Should_let_only_a_system_administrator_change_them()
    {
        var clerk = new Actor(Guid.NewGuid(), TestOrg.ClerkA, "Cán bộ", null, [new ActorMembership(Org.ShopA, TestOrg.ShopACode, "/x/", [Role.Clerk])]);
        (await SetDefaults(new UpdateSupplementDefaults(3, 3, 10, SupplementExpiry.Refuse, "x"), clerk)).Fails(ErrorKind.Forbidden);
        (await SetOwnRules(new SupplementRuleOverride(MaxRequests: 3, LegalBasis: "x"), clerk)).Fails(ErrorKind.Forbidden);
        (await Run<SupplementPolicies, SupplementPolicy>(p => p.EffectiveAsync(Org.Business))).ShouldBe(SupplementPolicy.BuiltIn);
    }

    [Test]
    public async Task Should_answer_not_found_for_an_unknown_procedure()
    {
        (await Run<UpdateSupplementRulesHandler, DomainResult<ProcedureSupplementRulesView>>(h => h.HandleAsync(Admin,
            new SetProcedureSupplementRules(Guid.NewGuid(), new SupplementRuleOverride(MaxRequests: 2, LegalBasis: "x"))))).Fails(ErrorKind.NotFound, "procedureId");
    }
}

public sealed class When_the_citizen_deadline_passes : SupplementRulesTest
{
    [Test]
    public async Task Should_refuse_the_dossier_with_form_03_by_default()
    {
        var id = await InProcessing();
        Clock.Set(Vn(2026, 3, 4, 10));
        (await RequestSupplement(id)).Ok();
        Clock.Set(Vn(2026, 3, 19, 8));

        (await Expire()).Single().Status.ShouldBe(DossierStatus.Stopped);

        var dossier = await Load(id);
        dossier.Result.ShouldBe(DossierResult.Refused);
        dossier.ResultNote.ShouldBe(StopUnsuppliedDossiers.Reason);
        (await OutboxTypes()).ShouldContain(typeof(DossierClosedUnsupplied).FullName!);
        (await OutboxTypes()).ShouldNotContain(typeof(DossierRefused).FullName!);
        (await Events(id)).Last().Data.ShouldNotBeNull().ShouldContain("\"Refuse\"");
    }

    [Test]
    public async Task Should_end_the_others_when_one_dossier_cannot_be_ended()
    {
        // The first to fall due points at a workflow that does not exist, so ending it fails; the one after it must still end.
        var broken = await InProcessing();
        Clock.Set(Vn(2026, 3, 4, 10));
        (await RequestSupplement(broken)).Ok();
        var sound = await InProcessing();
        Clock.Set(Vn(2026, 3, 4, 11));
        (await RequestSupplement(sound)).Ok();
        await using (var scope = NewScope())
            await scope.ServiceProvider.GetRequiredService<Procedures.Persistence.ProceduresDb>().Database
                .ExecuteSqlAsync($"UPDATE procedures.dossiers SET workflow_instance_id = {Guid.NewGuid()} WHERE id = {broken}");
        Clock.Set(Vn(2026, 3, 19, 8));

        (await Expire()).Select(d => d.DossierId).ShouldBe([sound]);

        (await Load(sound)).Status.ShouldBe(DossierStatus.Stopped);
        var left = await Load(broken);
        (left.Status, left.Result).ShouldBe((DossierStatus.SupplementRequested, (DossierResult?)null));
        (await Events(broken)).ShouldNotContain(e => e.Kind == "SupplementOverdue");
        // Still due: the next sweep tries it again, and fails again without touching the other.
        (await Expire()).ShouldBeEmpty();
    }

    [Test]
    public async Task Should_close_it_as_not_completed_where_the_procedure_says_so()
    {
        (await SetOwnRules(new SupplementRuleOverride(OnExpiry: SupplementExpiry.CloseNotCompleted, LegalBasis: "Quy định riêng của thủ tục"))).Ok();
        var id = await InProcessing();
        Clock.Set(Vn(2026, 3, 4, 10));
        (await RequestSupplement(id)).Ok();
        Clock.Set(Vn(2026, 3, 18, 16));
        (await Expire()).ShouldBeEmpty();
        Clock.Set(Vn(2026, 3, 19, 8));

        (await Expire()).Single().Status.ShouldBe(DossierStatus.Stopped);

        var dossier = await Load(id);
        dossier.Result.ShouldBe(DossierResult.NotCompleted);
        dossier.ResultNote.ShouldBe(StopUnsuppliedDossiers.ClosedReason);
        dossier.FinishedAt.ShouldBe(Clock.GetUtcNow());
        (await InstanceOutcome(dossier)).ShouldBe("Cancelled/");
        var last = (await Events(id)).Last();
        last.Kind.ShouldBe("SupplementOverdue");
        last.Data.ShouldNotBeNull().ShouldContain("CloseNotCompleted");
        (await Expire()).ShouldBeEmpty();
    }
}
