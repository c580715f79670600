using System.Globalization;
using Microsoft.Playwright;

namespace Ui.Tests;

/// <summary>Page load times on the sample province, reported (docs/benchmarks.md), not asserted: the machine is shared.</summary>
public sealed class When_pages_load_on_the_sample_data
{
    [Test]
    public async Task Should_report_navigation_and_interactive_times_of_the_main_pages()
    {
        var host = await UiHost.InstanceAsync();
        var page = await Browser.NewPageAsync(host);
        await page.SignInAsync("ys.clerk");
        string[] paths = ["/", "/thu-tuc", "/tra-cuu", "/can-bo/hop-thu", "/can-bo/tiep-nhan"];
        foreach (var path in paths)
        {
            await page.GoAsync(path); // warm-up: first render compiles and caches
            var started = DateTime.UtcNow;
            await page.GoAsync(path);
            var live = (DateTime.UtcNow - started).TotalMilliseconds;
            var load = await page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].loadEventEnd");
            (await page.Locator("h1").CountAsync()).ShouldBeGreaterThan(0);
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PAGELOAD {path} load={load:0} ms interactive={live:0} ms"));
        }
    }
}
