using Microsoft.Playwright;

namespace Ui.Tests;

/// <summary>
/// Debian's Chromium (never a downloaded browser) driven headless by Playwright; one browser per test run, a fresh context
/// (cookies, storage) per person in a journey. Screenshots go to <c>TestResults/screenshots</c> of the test output folder.
/// </summary>
public static class Browser
{
    public const string Chromium = "/usr/bin/chromium";
    private static readonly Lazy<Task<(IPlaywright, IBrowser)>> Shared = new(LaunchAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Screenshots { get; } = Path.Combine(TestContext.CurrentContext.TestDirectory, "TestResults", "screenshots");

    /// <summary>Every "Content Security Policy" refusal any page reported in its console, with the test that opened the page.</summary>
    public static System.Collections.Concurrent.ConcurrentQueue<string> CspRefusals { get; } = new();

    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
        return (playwright, browser);
    }

    /// <summary>A new person at the browser: own cookies, Vietnamese, a desktop or a 360-px phone screen; the app at <paramref name="baseAddress"/> when given (another name for the same host).</summary>
    public static async Task<IPage> NewPageAsync(UiHost host, bool phone = false, Uri? baseAddress = null)
    {
        var (_, browser) = await Shared.Value;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (baseAddress ?? host.Address).ToString(), Locale = "vi-VN",
            ViewportSize = phone ? new ViewportSize { Width = 360, Height = 740 } : new ViewportSize { Width = 1366, Height = 900 },
            IsMobile = phone,
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        var test = TestContext.CurrentContext.Test.FullName;
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) CspRefusals.Enqueue($"{test}: {m.Text}");
        };
        return page;
    }

    public static async Task CloseAllAsync()
    {
        if (!Shared.IsValueCreated) return;
        var (playwright, browser) = await Shared.Value;
        await browser.CloseAsync();
        playwright.Dispose();
    }
}
