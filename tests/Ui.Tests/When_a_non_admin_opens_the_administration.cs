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
    [TestCase("/quan-tri/lich")]
    [TestCase("/quan-tri/mau-tin-nhan")]
    [TestCase("/quan-tri/nhat-ky-gui")]
    public async Task Should_see_a_refusal_and_nothing_of_the_page(string path)
    {
        var clerk = await Browser.NewPageAsync(_host);
        await clerk.SignInAsync("ys.clerk");
        await clerk.GotoAsync(path);
        await clerk.GetByText("Bạn không có quyền xem trang này.").WaitForAsync();
        await clerk.ShotAsync("c0-refused-" + path.Split('/').Last());
        (await clerk.Locator("h1").CountAsync()).ShouldBe(0);
        (await clerk.Locator("[data-testid^=admin-]").CountAsync()).ShouldBe(0);
        (await clerk.Locator("a[href^='/quan-tri']").CountAsync()).ShouldBe(0);
    }
}
