using Microsoft.Playwright;

namespace Ui.Tests;

public sealed class When_a_non_admin_opens_the_administration
{
    private UiHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await UiHost.InstanceAsync();

    [TestCase("/quan-tri/don-vi")]
    [TestCase("/quan-tri/can-bo")]
    [TestCase("/quan-tri/thu-tuc")]
    [TestCase("/quan-tri/quy-trinh")]
    [TestCase("/quan-tri/quy-trinh/thiet-ke")]
    [TestCase("/quan-tri/quy-trinh/birth-registration/thiet-ke")]
    [TestCase("/quan-tri/lich")]
    [TestCase("/quan-tri/bo-sung-ho-so")]
    [TestCase("/quan-tri/mau-tin-nhan")]
    [TestCase("/quan-tri/nhat-ky-gui")]
    [TestCase("/quan-tri/su-co")]
    [TestCase("/quan-tri/quy-trinh-ho-so/0197a5d0-0000-7000-8000-000000000000")]
    public async Task Should_be_refused_the_page_and_see_nothing_of_it(string path)
    {
        var clerk = await Browser.NewPageAsync(_host);
        await clerk.SignInAsync("ys.clerk");
        var response = await clerk.GotoAsync(path);
        response.ShouldNotBeNull();
        response.Status.ShouldBe(403);
        (await clerk.Locator("[data-testid=admin-page]").CountAsync()).ShouldBe(0);
        (await clerk.Locator("[data-testid=forbidden]").InnerTextAsync()).ShouldContain("hãy liên hệ quản trị đơn vị");
    }

    [Test]
    public async Task Should_not_see_the_administration_menu()
    {
        var clerk = await Browser.NewPageAsync(_host);
        await clerk.SignInAsync("ys.clerk");
        await clerk.GoAsync("/can-bo/hop-thu");
        await clerk.Locator("a[href='/can-bo/hop-thu']").First.WaitForAsync();
        (await clerk.Locator("a[href^='/quan-tri']").CountAsync()).ShouldBe(0);

        var admin = await Browser.NewPageAsync(_host);
        await admin.SignInAsync("admin");
        await admin.GoAsync("/can-bo/hop-thu");
        await admin.Locator("a[href='/quan-tri/quy-trinh']").WaitForAsync();
        // Units, unit types, sectors, officials, responsibilities, catalogue, supplement rules, definitions, calendar, signing
        // certificates, templates, deliveries, incidents, parked messages, parked SLA alerts.
        (await admin.Locator("a[href^='/quan-tri']").CountAsync()).ShouldBe(15);
    }
}
