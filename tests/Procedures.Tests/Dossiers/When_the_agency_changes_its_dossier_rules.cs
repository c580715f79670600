using Microsoft.Extensions.DependencyInjection;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Organisation;

namespace Procedures.Tests.Dossiers;

/// <summary>Finding 3 of the legal review: the apology notice and the supplement reminder were code settings.</summary>
public sealed class When_the_agency_changes_its_dossier_rules : SupplementRulesTest
{
    private Task<DomainResult<DossierRulesView>> Change(UpdateDossierRules rules, Actor? actor = null) =>
        Run<UpdateDossierRulesHandler, DomainResult<DossierRulesView>>(h => h.HandleAsync(actor ?? Admin, rules));

    private async Task<IReadOnlyList<SupplementReminder>> Remind()
    {
        await using var scope = NewScope();
        return await scope.ServiceProvider.GetRequiredService<RemindUnsuppliedDossiers>().HandleAsync();
    }

    private async Task<Guid> ApologisedOnMondayForTuesdaysAppointment()
    {
        var id = await InProcessing();
        Clock.Set(Vn(2026, 3, 9, 9));
        (await Apologise(id, new DateOnly(2026, 3, 13))).Ok();
        return id;
    }

    [Test]
    public async Task Should_start_with_todays_values()
    {
        var rules = (await Run<DossierRulesQuery, DomainResult<DossierRulesView>>(q => q.HandleAsync(Admin))).Ok();

        (rules.IsDefault, rules.ApologyNoticeDays, rules.SupplementReminderDays, rules.OnlineCheckDays, rules.DueSoonDays, rules.ChangedBy)
            .ShouldBe((true, 1m, 2m, 1m, 1m, (string?)null));
    }

    [Test]
    public async Task Should_judge_the_next_apology_by_the_new_notice_period_without_a_restart()
    {
        // A working day and a morning before Tuesday's 17:00 appointment: on time under the decree's one day.
        var first = await ApologisedOnMondayForTuesdaysAppointment();
        (await Events(first)).Last().Timeliness.ShouldBe(Timeliness.OnTime);

        Clock.Set(Vn(2026, 3, 9, 8));
        var saved = (await Change(new UpdateDossierRules(2, 2, 1, 1))).Ok();
        (saved.IsDefault, saved.ApologyNoticeDays, saved.ChangedBy, saved.ChangedAt).ShouldBe((false, 2m, "admin", (DateTimeOffset?)Vn(2026, 3, 9, 8)));

        var second = await ApologisedOnMondayForTuesdaysAppointment();
        (await Events(second)).Last().Timeliness.ShouldBe(Timeliness.Late);
        (await Events(first)).Last().Timeliness.ShouldBe(Timeliness.OnTime, "what was recorded is not judged again");
    }

    [Test]
    public async Task Should_remind_the_citizen_earlier_once_the_lead_time_is_longer()
    {
        var id = await InProcessing();
        Clock.Set(Vn(2026, 3, 4, 10));
        (await RequestSupplement(id)).Ok();
        (await Load(id)).SupplementDueAt.ShouldBe(Vn(2026, 3, 18, 17));
        // Friday 13 March: three and a bit working days before the deadline, so two days' lead time reminds nobody yet.
        Clock.Set(Vn(2026, 3, 13, 9));
        (await Remind()).ShouldBeEmpty();

        (await Change(new UpdateDossierRules(1, 5, 1, 1))).Ok();

        (await Remind()).Single().DossierId.ShouldBe(id);
        (await OutboxTypes()).ShouldContain(typeof(SupplementDueSoon).FullName!);
        (await Remind()).ShouldBeEmpty();
    }

    [Test]
    public async Task Should_list_a_dossier_as_due_soon_within_the_new_window()
    {
        var id = await InProcessing();
        Clock.Set(Vn(2026, 3, 6, 9));
        var deadlines = await Run<OverdueQueries, DomainResult<DeadlineReport>>(q => q.ListAsync(TestOrg.HeadA));
        deadlines.Ok().Dossiers.ShouldBeEmpty();

        (await Change(new UpdateDossierRules(1, 2, 1, 3))).Ok();

        deadlines = await Run<OverdueQueries, DomainResult<DeadlineReport>>(q => q.ListAsync(TestOrg.HeadA));
        deadlines.Ok().Dossiers.Single().DossierId.ShouldBe(id);
    }

    [TestCase(0.5, 2, 1, 1, "apologyNoticeDays", TestName = "Should_refuse_an_apology_notice_shorter_than_the_decrees_day")]
    [TestCase(1, 0, 1, 1, "supplementReminderDays", TestName = "Should_refuse_no_reminder_lead_time")]
    [TestCase(1, 10.5, 1, 1, "supplementReminderDays", TestName = "Should_refuse_a_reminder_lead_time_over_ten_days")]
    [TestCase(1, 2.25, 1, 1, "supplementReminderDays", TestName = "Should_refuse_a_reminder_lead_time_off_the_half_day_steps")]
    [TestCase(1, 2, 6, 1, "onlineCheckDays", TestName = "Should_refuse_an_online_check_over_five_days")]
    [TestCase(1, 2, 1, -1, "dueSoonDays", TestName = "Should_refuse_a_negative_due_soon_window")]
    public async Task Should_refuse_a_value_out_of_range_naming_the_field(decimal apology, decimal reminder, decimal online, decimal dueSoon, string field)
    {
        (await Change(new UpdateDossierRules(apology, reminder, online, dueSoon))).Fails(ErrorKind.Invalid, field);

        (await Run<DossierRulesQuery, DomainResult<DossierRulesView>>(q => q.HandleAsync(Admin))).Ok().IsDefault.ShouldBeTrue();
        Services.GetRequiredService<CalendarProvider>().DossierRules.ShouldBe(DossierRules.Default);
    }

    [Test]
    public async Task Should_let_only_a_system_administrator_read_or_change_them()
    {
        var clerk = new Actor(Guid.NewGuid(), TestOrg.ClerkA, "Cán bộ", null, [new ActorMembership(Org.ShopA, TestOrg.ShopACode, "/x/", [Role.Clerk, Role.UnitAdmin])]);

        (await Change(new UpdateDossierRules(2, 5, 1, 1), clerk)).Fails(ErrorKind.Forbidden);
        (await Run<DossierRulesQuery, DomainResult<DossierRulesView>>(q => q.HandleAsync(clerk))).Fails(ErrorKind.Forbidden);
        Services.GetRequiredService<CalendarProvider>().DossierRules.ShouldBe(DossierRules.Default);
    }

    [Test]
    public async Task Should_keep_the_rules_after_a_restart()
    {
        (await Change(new UpdateDossierRules(1.5m, 3, 0.5m, 2))).Ok();

        var restarted = new CalendarProvider();
        await restarted.ReloadAsync(Db);

        restarted.DossierRules.ShouldBe(new DossierRules(1.5m, 3, 0.5m, 2));
    }
}
