using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Dossiers;

namespace Ui.Tests;

/// <summary>
/// The leader's view, bulk assignment and the inbox's claim send the revision of the row they showed: a dossier changed since
/// (here the commune leader directs it to the economy section, which leaves it waiting for assignment) gets the stale message
/// and is not moved; the other dossiers of a bulk assignment still are.
/// </summary>
public sealed class When_a_leader_acts_on_dossiers_changed_since_shown
{
    private const string Head = "ys.economy.section-head", Specialist = "ys.economy.specialist", Stale = "người khác cập nhật";
    private UiHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await UiHost.InstanceAsync();

    private Task<List<string>> EventsOfAsync(Guid id) => _host.Db(db => db.DossierEvents.Where(e => e.DossierId == id).Select(e => e.Kind).ToListAsync());

    private async Task<(Guid Id, string Code)> ReceivedAsync(string applicant)
    {
        var id = await Journeys.ReceivedDossierAsync(_host, applicant);
        return (id, await _host.DossierCodeAsync(id));
    }

    [Test]
    public async Task Should_assign_the_unchanged_dossiers_in_bulk_and_list_the_changed_one_with_the_stale_message()
    {
        var changed = await ReceivedAsync("Lê Văn Đổi");
        var unchanged = await ReceivedAsync("Lê Văn Giữ");
        var head = await Browser.NewPageAsync(_host);
        await head.SignInAsync(Head);
        await head.GoAsync("/can-bo/lanh-dao");
        var waiting = head.Locator("[data-testid=waiting]");
        await waiting.Locator("tr", new() { HasText = changed.Code }).Locator("[data-testid=select-item]").CheckAsync();
        await waiting.Locator("tr", new() { HasText = unchanged.Code }).Locator("[data-testid=select-item]").CheckAsync();

        await Journeys.DirectedToTheSectionAsync(_host, changed.Id);
        await head.PickAsync("bulk-specialist", Specialist);
        await head.Locator("[data-testid=bulk-assign-go]").ClickAsync();

        (await head.Locator("[data-testid=bulk-done]").InnerTextAsync()).ShouldContain("Đã phân công 1 hồ sơ");
        var failures = await head.Locator("[data-testid=bulk-failures]").InnerTextAsync();
        failures.ShouldContain(changed.Code);
        failures.ShouldContain(Stale);
        failures.ShouldNotContain(unchanged.Code);
        (await EventsOfAsync(changed.Id)).ShouldNotContain("Assigned");
        (await EventsOfAsync(unchanged.Id)).ShouldContain("Assigned");
    }

    [Test]
    public async Task Should_assign_from_the_quick_actions_of_a_dossier_nobody_changed()
    {
        var dossier = await ReceivedAsync("Lê Văn Nhanh");
        var head = await Browser.NewPageAsync(_host);
        await head.SignInAsync(Head);
        await head.GoAsync("/can-bo/lanh-dao");
        await head.Locator("[data-testid=waiting] tr", new() { HasText = dossier.Code }).Locator("[data-testid=quick-open]").ClickAsync();

        await head.RunActionAsync("assign", p => head.PickAsync("assign-specialist", Specialist, p));

        (await EventsOfAsync(dossier.Id)).ShouldContain("Assigned");
    }

    [Test]
    public async Task Should_show_the_stale_message_in_the_quick_actions_of_a_dossier_changed_since_they_opened()
    {
        var dossier = await ReceivedAsync("Lê Văn Chậm");
        var head = await Browser.NewPageAsync(_host);
        await head.SignInAsync(Head);
        await head.GoAsync("/can-bo/lanh-dao");
        await head.Locator("[data-testid=waiting] tr", new() { HasText = dossier.Code }).Locator("[data-testid=quick-open]").ClickAsync();
        var panel = head.Locator("[data-testid=quick-actions] [data-testid='action-assign']");
        await panel.WaitForAsync();

        await Journeys.DirectedToTheSectionAsync(_host, dossier.Id);
        await head.PickAsync("assign-specialist", Specialist, panel);
        await panel.Locator("[data-testid=action-go]").ClickAsync();

        (await panel.Locator("[data-testid=error]").InnerTextAsync()).ShouldContain(Stale);
        (await EventsOfAsync(dossier.Id)).ShouldNotContain("Assigned");
    }

    [Test]
    public async Task Should_not_claim_from_the_inbox_a_step_of_a_dossier_changed_since_the_list_was_read()
    {
        var dossier = await ReceivedAsync("Lê Văn Nhận");
        var head = await Browser.NewPageAsync(_host);
        await head.SignInAsync(Head);
        await head.GoAsync("/can-bo/hop-thu");
        await head.FillFieldAsync("inbox-filter", dossier.Code);
        var claim = head.Locator("[data-testid=inbox-table] tr", new() { HasText = dossier.Code }).Locator("[data-testid=inbox-claim]");
        await claim.WaitForAsync();

        await Journeys.DirectedToTheSectionAsync(_host, dossier.Id);
        await claim.ClickAsync();

        (await head.Locator("[data-testid=error]").InnerTextAsync()).ShouldContain(Stale);
        head.Url.ShouldEndWith("/can-bo/hop-thu");
        await using var scope = _host.App.Services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<DossierQueries>().GetAsync(dossier.Id, Head);
        page.Value!.OpenWorkItems.ShouldAllBe(w => w.ClaimedBy == null);
    }
}
