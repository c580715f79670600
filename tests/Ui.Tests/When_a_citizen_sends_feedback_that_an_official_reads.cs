using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Ui.Tests;

/// <summary>A citizen's feedback (góp ý) reaches the officials' feedback page, and their response comes back to the citizen's page.</summary>
public sealed class When_a_citizen_sends_feedback_that_an_official_reads
{
    private UiHost _host = null!;
    private IPage? _citizen, _official;

    [OneTimeSetUp]
    public async Task Start()
    {
        _host = await UiHost.InstanceAsync();
        // When this journey is the run's first, its first page also starts the app's pages; on a busy machine that alone can
        // take longer than a step may, so the sign-in page is opened once beforehand with room for it.
        var warm = await Browser.NewPageAsync(_host);
        await warm.GotoAsync("/dang-nhap", new() { Timeout = 120_000 });
        await warm.Context.CloseAsync();
    }

    [TearDown]
    public Task ShootFailure() => Pages.ShootIfFailedAsync(_citizen, _official);

    [Test]
    public async Task Should_show_the_feedback_to_an_official_and_the_response_to_the_citizen()
    {
        var subject = "Thời gian chờ ở bộ phận một cửa " + Guid.NewGuid().ToString("N")[..6];
        var citizen = _citizen = await Browser.NewPageAsync(_host, phone: true);
        await citizen.SignInAsync("an.nguyen@demo.example");
        await citizen.GoAsync("/gop-y");
        await citizen.FillFieldAsync("feedback-subject", subject);
        const string body = "Sáng thứ Hai phải chờ hơn một giờ.\nĐề nghị thêm quầy tiếp nhận.";
        await citizen.FillFieldAsync("feedback-body", body);
        // The box sends what is typed after a pause: its counter shows the length once the server has it.
        await citizen.Locator("[data-testid=feedback-form]").GetByText($"{body.Length} / 4000").WaitForAsync();
        await citizen.Locator("[data-testid=feedback-send]").ClickAsync();
        var mine = citizen.Locator("[data-testid=my-feedback]", new() { HasText = subject });
        await mine.WaitForAsync();
        (await mine.InnerTextAsync()).ShouldContain("Chưa trả lời");

        var official = _official = await Browser.NewPageAsync(_host);
        await official.SignInAsync("ys.economy.section-head");
        await official.Locator("[data-testid=menu-feedback]").ClickAsync();
        await official.WaitForURLAsync(url => url.EndsWith("/can-bo/gop-y", StringComparison.Ordinal));
        var card = official.Locator("[data-testid=feedback-to-handle]", new() { HasText = subject });
        await card.WaitForAsync();
        (await card.Locator("[data-testid=feedback-text]").InnerTextAsync()).ShouldContain("Đề nghị thêm quầy tiếp nhận.");

        // Refused without a response, under the box; then sent.
        await card.Locator("[data-testid=feedback-respond]").ClickAsync();
        await card.Locator(".mud-input-helper-text.mud-input-error").WaitForAsync();
        await official.FillFieldAsync("feedback-response-text", "Từ tháng sau bộ phận một cửa mở thêm một quầy sáng thứ Hai.", card);
        await card.Locator("[data-testid=feedback-respond]").ClickAsync();
        await card.Locator("[data-testid=feedback-response]").WaitForAsync();
        var stored = await _host.Db(db => db.Feedback.SingleAsync(f => f.Subject == subject));
        stored.HandledBy.ShouldBe("ys.economy.section-head");
        await official.ShotAsync("f1-feedback-answered-by-an-official");

        await citizen.GoAsync("/gop-y");
        (await citizen.Locator("[data-testid=my-feedback]", new() { HasText = subject }).InnerTextAsync()).ShouldContain("mở thêm một quầy");
    }
}
