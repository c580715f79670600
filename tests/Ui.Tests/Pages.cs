using Microsoft.Playwright;

namespace Ui.Tests;

/// <summary>What a person does with the pages in these journeys: sign in, wait for the page to be live, take screenshots.</summary>
public static class Pages
{
    public const string Password = "IsoDemo@2025";

    /// <summary>Opens <paramref name="path"/> and waits until its circuit is connected, so clicks reach the server.</summary>
    public static async Task GoAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForLiveAsync();
    }

    public static Task WaitForLiveAsync(this IPage page) => page.Locator("#ui-ready[data-ready='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public static async Task SignInAttemptAsync(this IPage page, string userName, string password)
    {
        await page.GotoAsync("/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public static async Task SignInAsync(this IPage page, string userName, string password = Password)
    {
        await page.SignInAttemptAsync(userName, password);
        await page.WaitForURLAsync(url => !url.Contains("/dang-nhap", StringComparison.Ordinal));
        await page.WaitForLiveAsync();
    }

    public static async Task ShotAsync(this IPage page, string name)
    {
        Directory.CreateDirectory(Browser.Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, name + ".png"), FullPage = true });
    }
}
