using System.Text.Json;
using Microsoft.Playwright;

namespace Ui.Tests;

/// <summary>
/// axe-core (vendored from npm, see Axe/README.md) on the main pages of the citizen's and the officials' journeys: no serious or
/// critical violation (labels, names, contrast, roles); and the counter's main form can be used with the keyboard alone.
/// </summary>
public sealed class When_pages_are_checked_for_accessibility
{
    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Axe", "axe.min.js")));
    private UiHost _host = null!;
    private Guid _dossier, _procedure;

    [OneTimeSetUp]
    public async Task Start()
    {
        _host = await UiHost.InstanceAsync();
        _dossier = await Journeys.ReceivedDossierAsync(_host, "Hồ Thị Truy Cập");
        _procedure = await Journeys.ProcedureAsync(_host);
    }

    /// <summary>The serious and critical violations on the page as it is now, one line each with the first elements concerned.</summary>
    private static async Task<List<string>> SeriousViolationsAsync(IPage page)
    {
        // Given to the page through the browser's debugging protocol, not a script tag: the Content Security Policy stays as it is.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'")) await page.EvaluateAsync(AxeSource.Value);
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
              .filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)
            """);
        return violations.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    private async Task<List<string>> CheckAsync(string user, bool phone, params string[] paths)
    {
        var found = new List<string>();
        var page = await Browser.NewPageAsync(_host, phone);
        if (user.Length > 0) await page.SignInAsync(user);
        foreach (var path in paths)
        {
            await page.OpenAsync(path);
            await page.VisibleTextAsync();
            found.AddRange((await SeriousViolationsAsync(page)).Select(v => $"{user} {path}: {v}"));
        }
        await page.Context.CloseAsync();
        return found;
    }

    [Test]
    public async Task Should_find_no_serious_violation_on_the_citizens_pages()
    {
        var found = await CheckAsync("", phone: true, "/", "/thu-tuc", $"/thu-tuc/{_procedure}", "/tra-cuu", "/dang-nhap");
        found.AddRange(await CheckAsync("an.nguyen@demo.example", phone: true, "/cong-dan/ho-so", $"/cong-dan/nop-ho-so/{_procedure}", "/gop-y"));
        found.ShouldBeEmpty(string.Join(Environment.NewLine, found));
    }

    [Test]
    public async Task Should_find_no_serious_violation_on_the_officials_pages()
    {
        var found = await CheckAsync("ys.clerk", phone: false, "/can-bo/hop-thu", "/can-bo/tiep-nhan");
        found.AddRange(await CheckAsync("ys.economy.section-head", phone: false, $"/can-bo/ho-so/{_dossier}"));
        found.ShouldBeEmpty(string.Join(Environment.NewLine, found));
    }

    [Test]
    public async Task Should_sign_in_and_reach_the_applicant_fields_with_the_keyboard_alone()
    {
        var page = await Browser.NewPageAsync(_host);
        await page.GotoAsync("/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FocusAsync();
        await page.Keyboard.TypeAsync("ys.clerk");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(Pages.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/dang-nhap", StringComparison.Ordinal));
        await page.GoAsync("/can-bo/tiep-nhan");
        await page.Locator("[data-testid=procedure-search] input, input[data-testid=procedure-search]").First.FocusAsync();
        await page.Keyboard.TypeAsync("2.000720");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "2.000720" }).First.WaitForAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("[data-testid=document-file]").First.WaitForAsync();
        // Tab from the last document's file picker reaches the applicant's name: every control on the way takes the focus in order.
        for (var i = 0; i < 40 && !await page.EvaluateAsync<bool>("() => document.activeElement?.closest('[data-testid=applicant-name]') !== null || document.activeElement?.dataset?.testid === 'applicant-name'"); i++)
            await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<bool>("() => document.activeElement?.closest('[data-testid=applicant-name]') !== null || document.activeElement?.dataset?.testid === 'applicant-name'")).ShouldBeTrue();
    }
}
