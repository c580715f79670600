using Api.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Ui.Tests;

/// <summary>The portal's questions and answers, and registering a citizen account with the code sent to the e-mail or phone.</summary>
public sealed class When_citizens_ask_questions_and_register
{
    private UiHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await UiHost.InstanceAsync();

    [Test]
    public async Task Should_publish_a_citizens_question_once_an_official_answers_it()
    {
        var title = "Hộ kinh doanh có cần con dấu không " + Guid.NewGuid().ToString("N")[..6];
        var citizen = await Browser.NewPageAsync(_host, phone: true);
        await citizen.SignInAsync("an.nguyen@demo.example");
        await citizen.GoAsync("/hoi-dap");

        // Refused without the question itself, then sent.
        await citizen.FillFieldAsync("ask-title", title);
        await citizen.Locator("[data-testid=ask-send]").ClickAsync();
        (await citizen.Locator("[data-testid=ask-form] [data-testid=error]").InnerTextAsync()).ShouldBe("Thiếu nội dung câu hỏi.");
        await citizen.FillFieldAsync("ask-body", "Tôi đăng ký hộ kinh doanh bán tạp hoá.\nCó phải khắc con dấu không?");
        await citizen.Locator("[data-testid=ask-send]").ClickAsync();
        var mine = citizen.Locator("[data-testid=my-questions] [data-testid=question]", new() { HasText = title });
        await mine.WaitForAsync();
        (await mine.InnerTextAsync()).ShouldContain("Chưa trả lời");
        await citizen.ShotAsync("q1-question-asked-on-a-phone");

        // An official answers and publishes it.
        var official = await Browser.NewPageAsync(_host);
        await official.SignInAsync("ys.economy.section-head");
        await official.GoAsync("/hoi-dap");
        var card = official.Locator("[data-testid=question-to-answer]", new() { HasText = title });
        await card.Locator("[data-testid=answer-send]").ClickAsync();
        (await card.Locator("[data-testid=error]").InnerTextAsync()).ShouldBe("Thiếu nội dung trả lời.");
        await official.FillFieldAsync("answer-text", "Hộ kinh doanh không bắt buộc có con dấu.", card);
        await card.Locator("[data-testid=answer-send]").ClickAsync();
        await card.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Detached });

        // Anyone finds it by searching the published answers.
        var visitor = await Browser.NewPageAsync(_host, phone: true);
        await visitor.GoAsync("/hoi-dap");
        await visitor.FillFieldAsync("qa-search", title);
        var found = visitor.Locator("[data-testid=published] [data-testid=question]", new() { HasText = title });
        await found.WaitForAsync();
        (await found.Locator("[data-testid=question-answer]").InnerTextAsync()).ShouldContain("không bắt buộc có con dấu");
        (await visitor.Locator("[data-testid=ask-form]").CountAsync()).ShouldBe(0);
        await visitor.ShotAsync("q2-published-answer-found");
    }

    [Test]
    public async Task Should_register_verify_with_the_code_sent_and_sign_in()
    {
        var login = $"dang.ky.{Guid.NewGuid().ToString("N")[..8]}@demo.example";
        var page = await Browser.NewPageAsync(_host, phone: true);
        await page.GotoAsync("/dang-nhap");
        (await page.Locator("a[href='/dang-ky']").CountAsync()).ShouldBe(1); // the sign-in page leads there
        await page.GoAsync("/dang-ky");

        await page.FillFieldAsync("register-name", "Hoàng Văn Đăng Ký");
        await page.FillFieldAsync("register-login", login);
        await page.FillFieldAsync("register-password", Pages.Password);
        await page.FillFieldAsync("register-password-again", Pages.Password + "x");
        await page.Locator("[data-testid=register-send]").ClickAsync();
        (await page.Locator("[data-testid=error]").InnerTextAsync()).ShouldBe("Mật khẩu nhập lại không khớp.");
        await page.FillFieldAsync("register-password-again", Pages.Password);
        await page.Locator("[data-testid=register-send]").ClickAsync();
        await page.Locator("[data-testid=register-code-sent]").WaitForAsync();
        await page.ShotAsync("r1-verification-code-sent");

        await page.FillFieldAsync("register-code", "000000");
        await page.Locator("[data-testid=register-verify]").ClickAsync();
        (await page.Locator("[data-testid=error]").InnerTextAsync()).ShouldBe("Mã xác thực không đúng hoặc đã hết hạn.");
        var code = ((LoggingVerificationSender)_host.App.Services.GetRequiredService<IVerificationSender>()).LastCode(login);
        code.ShouldNotBeNull();
        await page.FillFieldAsync("register-code", code);
        await page.Locator("[data-testid=register-verify]").ClickAsync();
        await page.Locator("[data-testid=register-done]").WaitForAsync();

        await page.SignInAsync(login);
        page.Url.ShouldEndWith("/cong-dan/ho-so");
    }

    [Test]
    public async Task Should_answer_a_login_already_taken_as_a_new_one_and_tell_its_owner()
    {
        var page = await Browser.NewPageAsync(_host);
        await page.GoAsync("/dang-ky");
        await page.FillFieldAsync("register-name", "Người Khác");
        await page.FillFieldAsync("register-login", "an.nguyen@demo.example");
        await page.FillFieldAsync("register-password", Pages.Password);
        await page.FillFieldAsync("register-password-again", Pages.Password);
        await page.Locator("[data-testid=register-send]").ClickAsync();
        (await page.Locator("[data-testid=register-code-sent]").InnerTextAsync()).ShouldContain("nếu địa chỉ này đã có tài khoản");
        var sender = (LoggingVerificationSender)_host.App.Services.GetRequiredService<IVerificationSender>();
        sender.Sent("an.nguyen@demo.example").ShouldContain(m => m.Purpose == CitizenRegistration.RegistrationAttemptPurpose);
    }
}
