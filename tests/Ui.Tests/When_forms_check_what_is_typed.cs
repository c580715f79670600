using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Ui.Tests;

/// <summary>Forms that help: every problem shown at once next to its field, limits stated and enforced before anything is sent.</summary>
public sealed class When_forms_check_what_is_typed
{
    private UiHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await UiHost.InstanceAsync();

    [Test]
    public async Task Should_show_every_applicant_problem_at_once_under_its_field_at_the_counter()
    {
        var clerk = await Browser.NewPageAsync(_host);
        await clerk.SignInAsync("ys.clerk");
        await clerk.GoAsync("/can-bo/tiep-nhan");
        await clerk.PickProcedureAtCounterAsync("2.000720");
        await clerk.FillFieldAsync("applicant-name", "");
        await clerk.FillFieldAsync("applicant-id", "12ab");
        await clerk.FillFieldAsync("applicant-phone", "091234");
        var before = await _host.Db(db => db.Dossiers.CountAsync());
        await clerk.Locator("[data-testid=receive]").ClickAsync();

        // The name's error may already show from leaving its box; wait for the ones only the submit shows.
        var errors = clerk.Locator(".mud-input-helper-text.mud-input-error");
        await errors.Filter(new() { HasText = "12 chữ số" }).First.WaitForAsync();
        await errors.Filter(new() { HasText = "Số điện thoại không hợp lệ" }).First.WaitForAsync();
        var texts = await errors.AllInnerTextsAsync();
        texts.ShouldContain(t => t.Contains("họ tên"));
        texts.ShouldContain(t => t.Contains("12 chữ số"));
        texts.ShouldContain(t => t.StartsWith("Số điện thoại không hợp lệ", StringComparison.Ordinal));
        (await _host.Db(db => db.Dossiers.CountAsync())).ShouldBe(before);
        await clerk.ShotAsync("f1-all-errors-at-once");

        // The ID number box takes no more than 12 characters.
        (await clerk.Locator("input[data-testid=applicant-id], [data-testid=applicant-id] input").First.GetAttributeAsync("maxlength")).ShouldBe("12");
    }

    [Test]
    public async Task Should_keep_a_long_feedback_within_its_limit_and_the_page_connected()
    {
        var citizen = await Browser.NewPageAsync(_host);
        await citizen.SignInAsync("an.nguyen@demo.example");
        await citizen.GoAsync("/gop-y");
        await citizen.FillFieldAsync("feedback-subject", "Góp ý về thời gian chờ");
        var body = citizen.Locator("textarea[data-testid=feedback-body], [data-testid=feedback-body] textarea").First;
        await body.FillAsync(string.Concat(Enumerable.Repeat("Thời gian chờ tại bộ phận một cửa quá lâu. ", 560))); // about 24,000 characters
        await body.BlurAsync();
        (await body.InputValueAsync()).Length.ShouldBe(4000);
        (await citizen.Locator("[data-testid=feedback-form]").InnerTextAsync()).ShouldContain("4000 / 4000");
        await citizen.Locator("[data-testid=feedback-send]").ClickAsync();
        await citizen.Locator("[data-testid=my-feedback]", new() { HasText = "Góp ý về thời gian chờ" }).First.WaitForAsync();
        (await citizen.Locator("#components-reconnect-modal[open], .components-reconnect-show").CountAsync()).ShouldBe(0);
        var saved = await _host.Db(db => db.Set<Procedures.Citizens.Feedback>().Where(f => f.Subject == "Góp ý về thời gian chờ").Select(f => f.Body.Length).ToListAsync());
        saved.ShouldContain(4000);
    }
}
