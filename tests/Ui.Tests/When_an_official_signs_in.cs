using Microsoft.Playwright;

namespace Ui.Tests;

public sealed class When_an_official_signs_in
{
    private UiHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await UiHost.InstanceAsync();

    [Test]
    public async Task Should_land_on_the_inbox_with_its_tabs_and_counts()
    {
        var page = await Browser.NewPageAsync(_host);
        await page.SignInAsync("ys.clerk");
        page.Url.ShouldEndWith("/can-bo/hop-thu");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Hồ sơ cần xử lý" }).WaitForAsync();
        await page.ShotAsync("00-inbox-clerk");
        var tabs = await page.Locator(".mud-tab").AllInnerTextsAsync();
        TestContext.Out.WriteLine(string.Join(" | ", tabs));
        tabs.ShouldContain(t => t.StartsWith("CỦA TÔI (", StringComparison.OrdinalIgnoreCase));
        // The top bar names the official as people call them, not by the sign-in name.
        var fullName = await _host.Db(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Officials.Where(o => o.UserName == "ys.clerk").Select(o => o.FullName)));
        (await page.Locator("[data-testid=user-name]").InnerTextAsync()).ShouldBe(fullName);
    }

    [Test]
    public async Task Should_refuse_a_wrong_password_in_vietnamese()
    {
        var page = await Browser.NewPageAsync(_host);
        await page.SignInAttemptAsync("ys.clerk", "sai-mat-khau");
        (await page.Locator("[data-testid=error]").InnerTextAsync()).ShouldContain("Tên đăng nhập hoặc mật khẩu không đúng");
    }

    [Test]
    public async Task Should_send_an_anonymous_visitor_of_the_back_office_to_the_sign_in_page()
    {
        var page = await Browser.NewPageAsync(_host);
        await page.GotoAsync("/can-bo/hop-thu");
        await page.WaitForURLAsync(url => url.Contains("/dang-nhap", StringComparison.Ordinal));
        page.Url.ShouldContain("returnUrl=%2Fcan-bo%2Fhop-thu");
    }

    [Test]
    public async Task Should_switch_language_and_sign_out_by_forms_without_breaking_the_content_security_policy()
    {
        var page = await Browser.NewPageAsync(_host);
        var refused = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) refused.Add(m.Text); };
        await page.SignInAsync("ys.clerk");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếng Việt" }).WaitForAsync();
        page.Url.ShouldEndWith("/can-bo/hop-thu");
        await page.WaitForLiveAsync();
        await page.Locator(".signout-button").ClickAsync();
        await page.Locator(".signin-link").WaitForAsync();
        refused.ShouldBeEmpty();
    }
}
