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
        await page.Locator(".mud-main-content form button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public static async Task SignInAsync(this IPage page, string userName, string password = Password)
    {
        await page.SignInAttemptAsync(userName, password);
        await page.WaitForURLAsync(url => !url.Contains("/dang-nhap", StringComparison.Ordinal));
        await page.WaitForLiveAsync();
    }

    /// <summary>In a TearDown: a failed test leaves a screenshot and the HTML of each page it had open, named after the test.</summary>
    public static async Task ShootIfFailedAsync(params IPage?[] pages)
    {
        if (TestContext.CurrentContext.Result.Outcome.Status != NUnit.Framework.Interfaces.TestStatus.Failed) return;
        var name = "failed-" + TestContext.CurrentContext.Test.Name;
        foreach (var (page, i) in pages.OfType<IPage>().Select((p, i) => (p, i)))
        {
            await page.ShotAsync($"{name}-{i}");
            await File.WriteAllTextAsync(Path.Combine(Browser.Screenshots, $"{name}-{i}.html"), await page.ContentAsync());
        }
    }

    public static async Task ShotAsync(this IPage page, string name)
    {
        Directory.CreateDirectory(Browser.Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, name + ".png"), FullPage = true });
    }
}

/// <summary>MudBlazor puts a test id on a field's wrapper or on the input itself; these find the input either way.</summary>
public static class Fields
{
    public static async Task FillFieldAsync(this IPage page, string testId, string value, ILocator? within = null)
    {
        var field = (within ?? page.Locator("body")).Locator($"[data-testid='{testId}']").First;
        var tag = await field.EvaluateAsync<string>("e => e.tagName");
        var input = tag is "INPUT" or "TEXTAREA" ? field : field.Locator("input:not([type=hidden]), textarea").First;
        await input.FillAsync(value);
        await input.BlurAsync();
    }

    /// <summary>What the field shows (its input's value), wherever MudBlazor put the test id.</summary>
    public static async Task<string> FieldValueAsync(this IPage page, string testId)
    {
        var field = page.Locator($"[data-testid='{testId}']").First;
        var tag = await field.EvaluateAsync<string>("e => e.tagName");
        return await (tag is "INPUT" or "TEXTAREA" ? field : field.Locator("input:not([type=hidden]), textarea").First).InputValueAsync();
    }

    /// <summary>Opens a MudSelect, picks the option containing <paramref name="text"/> and waits until the choice is taken.</summary>
    public static async Task PickAsync(this IPage page, string testId, string text, ILocator? within = null)
    {
        await (within ?? page.Locator("body")).Locator($"[data-testid='{testId}']").First.ClickAsync();
        var option = page.Locator(".mud-popover-open .mud-list-item", new() { HasText = text }).First;
        await option.ClickAsync();
        // The list closes and the field shows the choice once the server has taken it: a button pressed before that could send
        // the form without it (the select's handler awaits the browser while closing, and the button's event runs in that gap).
        await option.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        var field = (within ?? page.Locator("body")).Locator($"[data-testid='{testId}']").First;
        if (await field.EvaluateAsync<string>("e => e.tagName") is not ("INPUT" or "TEXTAREA"))
            await Assertions.Expect(field).ToContainTextAsync(text);
    }

    /// <summary>Ticks a MudCheckBox (its test id is on the input) and waits until the server has drawn it ticked.</summary>
    public static async Task TickAsync(this ILocator checkbox)
    {
        await checkbox.ClickAsync();
        await Assertions.Expect(checkbox.Locator("xpath=..")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-checkbox-true"));
    }

    /// <summary>Chooses where to send an online submission: the radio of the unit with exactly this full name.</summary>
    public static Task ChooseUnitAsync(this IPage page, string unitName) =>
        page.Locator("[data-testid=submit-unit]").GetByText(unitName, new() { Exact = true }).ClickAsync();

    /// <summary>The dossier id of the confirmation page an online submission lands on (<c>/cong-dan/ho-so/{id}/da-nop</c>).</summary>
    /// <summary>
    /// Picks a procedure at the counter by clicking its option (not Enter, which takes whichever item is highlighted when the
    /// key arrives) until its documents show: on a busy machine the first click can land while the list is still being
    /// replaced, and then nothing is chosen. Three tries, then the last one's timeout.
    /// </summary>
    public static async Task PickProcedureAtCounterAsync(this IPage page, string code)
    {
        var search = page.Locator("[data-testid=procedure-search] input, input[data-testid=procedure-search]").First;
        var documents = page.Locator("[data-testid=document-file]").First;
        for (var attempt = 1; ; attempt++)
        {
            await search.FillAsync(code);
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = code }).First.ClickAsync();
            try
            {
                await documents.WaitForAsync(new() { Timeout = attempt < 3 ? 10_000 : 30_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3) { }
        }
    }

    public static async Task<Guid> WaitForSubmissionSentAsync(this IPage page)
    {
        await page.WaitForURLAsync(u => u.EndsWith("/da-nop", StringComparison.Ordinal));
        await page.Locator("[data-testid=submission-sent]").WaitForAsync();
        return Guid.Parse(page.Url.Split('/')[^2]);
    }

    /// <summary>
    /// Sets <paramref name="file"/> on the file input <paramref name="input"/> and waits for its chip among <paramref name="chips"/>; sets it
    /// again when the first attempt landed on an input that the page's first interactive render replaced (a page still loading its
    /// data when the circuit went live, on a busy machine), as the counter's procedure choice does.
    /// </summary>
    public static async Task AttachFileAsync(this IPage page, string input, string chips, FilePayload file)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator(input).SetInputFilesAsync(file);
            try
            {
                await page.Locator(chips, new() { HasText = file.Name }).First.WaitForAsync(new() { Timeout = attempt < 3 ? 10_000 : 30_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3) { }
        }
    }

    /// <summary>Attaches a small PDF "scan" to every file input <paramref name="testId"/> (named prefix-1.pdf, prefix-2.pdf, ...) and waits for each chip.</summary>
    public static async Task AttachScansAsync(this IPage page, string testId, string namePrefix, string content)
    {
        var files = page.Locator($"[data-testid={testId}]");
        for (var i = 0; i < await files.CountAsync(); i++)
        {
            var name = $"{namePrefix}-{i + 1}.pdf";
            await files.Nth(i).SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/pdf", Buffer = System.Text.Encoding.UTF8.GetBytes(content) });
            await page.Locator(".mud-chip", new() { HasText = name }).WaitForAsync();
        }
    }

    public static async Task RunActionAsync(this IPage page, string action, Func<ILocator, Task>? fill = null)
    {
        var panel = page.Locator($"[data-testid='action-{action}']");
        if (fill is not null) await fill(panel);
        await panel.Locator("[data-testid='action-go']").ClickAsync();
        var error = panel.Locator("[data-testid=error]");
        var gone = panel.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        var refused = error.WaitForAsync();
        if (await Task.WhenAny(gone, refused) == refused && !gone.IsCompleted)
            Assert.Fail($"{action} was refused: {await error.InnerTextAsync()}");
        await gone;
    }
}
