using Microsoft.Playwright;

namespace Ui.Tests;

/// <summary>The leader's view: workload of the specialists, the steps waiting for the leader, and bulk assignment.</summary>
public sealed class When_a_leader_directs_the_work
{
    private const string Specialist = "ys.economy.specialist";
    private UiHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await UiHost.InstanceAsync();

    /// <summary>The code of a dossier received complete at the counter of the commune, waiting for the section head to assign it.</summary>
    private async Task<string> ReceivedDossierAsync(string applicant) => await _host.DossierCodeAsync(await Journeys.ReceivedDossierAsync(_host, applicant));

    private static async Task<int> OpenItemsOfAsync(IPage page, string userName) =>
        int.Parse(await page.Locator("[data-testid=workload] tr", new() { HasText = userName }).Locator("[data-testid=workload-open]").InnerTextAsync());

    [Test]
    public async Task Should_show_the_workload_and_assign_two_dossiers_to_one_specialist_in_one_go()
    {
        var first = await ReceivedDossierAsync("Phạm Văn Một");
        var second = await ReceivedDossierAsync("Phạm Văn Hai");

        var head = await Browser.NewPageAsync(_host);
        await head.SignInAsync("ys.economy.section-head");
        await head.GoAsync("/can-bo/lanh-dao");
        await head.Locator("[data-testid=workload]").WaitForAsync();
        var before = await OpenItemsOfAsync(head, Specialist);
        var waiting = head.Locator("[data-testid=waiting]");
        await waiting.Locator("tr", new() { HasText = first }).WaitForAsync();
        await head.ShotAsync("l1-leader-view");

        // Nothing is sent without a specialist.
        await waiting.Locator("tr", new() { HasText = first }).Locator("[data-testid=select-item]").CheckAsync();
        await waiting.Locator("tr", new() { HasText = second }).Locator("[data-testid=select-item]").CheckAsync();
        await head.Locator("[data-testid=bulk-assign-go]").ClickAsync();
        (await head.Locator("[data-testid=error]").InnerTextAsync()).ShouldBe("Vui lòng chọn chuyên viên.");

        await head.PickAsync("bulk-specialist", Specialist);
        await head.Locator("[data-testid=bulk-assign-go]").ClickAsync();
        (await head.Locator("[data-testid=bulk-done]").InnerTextAsync()).ShouldContain("Đã phân công 2 hồ sơ");
        (await head.Locator("[data-testid=bulk-failures]").CountAsync()).ShouldBe(0);
        await Assertions.Expect(waiting.Locator("tr", new() { HasText = first })).ToHaveCountAsync(0);
        await Assertions.Expect(waiting.Locator("tr", new() { HasText = second })).ToHaveCountAsync(0);
        await Assertions.Expect(head.Locator("[data-testid=workload] tr", new() { HasText = Specialist }).Locator("[data-testid=workload-open]"))
            .ToHaveTextAsync((before + 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await head.ShotAsync("l2-leader-view-after-bulk-assign");
    }

    [Test]
    public async Task Should_assign_selected_dossiers_from_the_inbox_too()
    {
        var code = await ReceivedDossierAsync("Phạm Văn Ba");
        var head = await Browser.NewPageAsync(_host);
        await head.SignInAsync("ys.economy.section-head");
        await head.GoAsync("/can-bo/hop-thu");
        await head.FillFieldAsync("inbox-filter", code);
        var row = head.Locator("[data-testid=inbox-table] tr", new() { HasText = code });
        await row.Locator("[data-testid=select-item]").CheckAsync();
        head.Url.ShouldEndWith("/can-bo/hop-thu"); // ticking a row does not open it
        await head.PickAsync("bulk-specialist", Specialist);
        await head.Locator("[data-testid=bulk-assign-go]").ClickAsync();
        (await head.Locator("[data-testid=bulk-done]").InnerTextAsync()).ShouldContain("Đã phân công 1 hồ sơ");
    }

    [Test]
    public async Task Should_not_show_the_leader_view_to_a_specialist()
    {
        var specialist = await Browser.NewPageAsync(_host);
        await specialist.SignInAsync(Specialist);
        await specialist.GoAsync("/can-bo/lanh-dao");
        // The refusal says who the page is for.
        var refusal = await specialist.Locator("[data-testid=refusal]").InnerTextAsync();
        refusal.ShouldContain("Bạn không có quyền");
        refusal.ShouldContain("Trang này dành cho lãnh đạo");
        (await specialist.Locator("[data-testid=workload]").CountAsync()).ShouldBe(0);
    }
}
