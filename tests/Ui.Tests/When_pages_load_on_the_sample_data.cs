using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
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

    [Test]
    public async Task Should_count_the_inbox_tabs_in_one_query_as_the_four_pages_did()
    {
        var host = await UiHost.InstanceAsync();
        foreach (var user in new[] { "ys.clerk", "ys.economy.section-head" })
        {
            await using var scope = host.App.Services.CreateAsyncScope();
            var reader = scope.ServiceProvider.GetRequiredService<Api.Ui.InboxReader>();
            await reader.CountsAsync(user); // warm-up: plans and connections
            var separate = new Dictionary<Api.Dossiers.InboxScope, int>();
            var started = Stopwatch.GetTimestamp();
            foreach (var scopeOf in Enum.GetValues<Api.Dossiers.InboxScope>())
                separate[scopeOf] = (await reader.PageAsync(user, scopeOf, 1, 1, Api.Dossiers.InboxSort.DueSoonest, null)).Value!.Total;
            var before = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            started = Stopwatch.GetTimestamp();
            var combined = await reader.CountsAsync(user);
            var after = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            combined.ShouldBe(separate);
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"INBOXCOUNTS {user} four queries={before:0.0} ms one query={after:0.0} ms counts={string.Join(",", combined.Values)}"));
        }
    }
}
