using Procedures.Calendar;
using Procedures.Dossiers;
using Worker.Sla;

namespace Worker.Tests.Sla;

/// <summary>
/// The apology (Form 04) must reach the citizen at least one working day before the appointment date, so the
/// processing unit is reminded on the last working day before that date, counted on the calendar, not the wall clock.
/// </summary>
public sealed class When_an_apology_is_due : SlaTest
{
    private static readonly SlaSettings Defaults = new();

    private Task<Dossier> DossierAsync(DateTimeOffset appointment, DossierStatus status = DossierStatus.Processing) =>
        Province.AddDossierAsync(Services, "000.01.31.H29-260302-0001", Province.SectionA, appointment.AddDays(-5), appointment, status);

    private async Task<List<string>> ApologyRemindersAsync() => (await InboxAsync()).Where(x => x.EndsWith("sla.apology-due", StringComparison.Ordinal)).ToList();

    [Test]
    public void Should_fall_on_the_Friday_before_an_appointment_on_Monday() =>
        ApologyReminders.ApologyDay(new VietnameseCalendar(), Defaults, At(2026, 3, 9, 10, 0)).ShouldBe(new DateOnly(2026, 3, 6));

    [Test]
    public void Should_fall_before_30_April_and_1_May_for_an_appointment_on_the_Monday_after() =>
        ApologyReminders.ApologyDay(new VietnameseCalendar(), Defaults, At(2026, 5, 4, 10, 0)).ShouldBe(new DateOnly(2026, 4, 29));

    [Test]
    public async Task Should_remind_the_unit_on_Friday_for_an_appointment_on_Monday_and_not_again_over_the_weekend()
    {
        await DossierAsync(At(2026, 3, 9, 10, 0));
        Clock.Set(At(2026, 3, 5, 16, 0));
        await SweepAsync();
        (await ApologyRemindersAsync()).ShouldBeEmpty();

        Clock.Set(At(2026, 3, 6, 0, 5));
        await SweepConcurrentlyAsync(2);
        (await ApologyRemindersAsync()).ShouldBe(["ct.cuong sla.apology-due", "tp.binh sla.apology-due"]);

        Clock.Set(At(2026, 3, 7, 9, 0));
        await SweepAsync();
        Clock.Set(At(2026, 3, 8, 9, 0));
        await SweepAsync();
        (await ApologyRemindersAsync()).Count.ShouldBe(2);
    }

    [Test]
    public async Task Should_remind_on_29_April_for_an_appointment_on_Monday_4_May()
    {
        await DossierAsync(At(2026, 5, 4, 10, 0));
        Clock.Set(At(2026, 4, 28, 16, 30));
        await SweepAsync();
        (await ApologyRemindersAsync()).ShouldBeEmpty();

        Clock.Set(At(2026, 4, 29, 7, 30));
        await SweepAsync();
        (await ApologyRemindersAsync()).ShouldBe(["ct.cuong sla.apology-due", "tp.binh sla.apology-due"]);
        (await Scalar<string>("SELECT body FROM notifications.inbox WHERE kind = 'sla.apology-due' LIMIT 1")).ShouldContain("29/04/2026");
    }

    [Test]
    public async Task Should_still_remind_when_the_sweep_first_runs_on_the_Saturday()
    {
        await DossierAsync(At(2026, 3, 9, 10, 0));
        Clock.Set(At(2026, 3, 7, 9, 0));
        await SweepAsync();
        (await ApologyRemindersAsync()).Count.ShouldBe(2);
    }

    [Test]
    public async Task Should_not_remind_when_the_apology_was_issued_or_the_dossier_is_finished()
    {
        var apologised = await DossierAsync(At(2026, 3, 9, 10, 0));
        await ExecuteAsync("UPDATE procedures.dossiers SET apology_at = $2 WHERE id = $1", apologised.Id, At(2026, 3, 5, 10, 0));
        await Province.AddDossierAsync(Services, "000.01.31.H29-260302-0002", Province.SectionA, At(2026, 3, 2, 9, 0), At(2026, 3, 9, 10, 0), DossierStatus.Finished);
        Clock.Set(At(2026, 3, 6, 9, 0));
        await SweepAsync();
        (await ApologyRemindersAsync()).ShouldBeEmpty();
    }

    [Test]
    public async Task Should_alert_the_unit_when_the_dossier_is_overdue()
    {
        await DossierAsync(At(2026, 3, 9, 10, 0));
        Clock.Set(At(2026, 3, 9, 10, 30));
        await SweepAsync();
        (await InboxAsync()).ShouldContain("ct.cuong sla.overdue");
        (await InboxAsync()).ShouldContain("tp.binh sla.overdue");
    }
}
