using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Ui.Tests;

/// <summary>
/// Every main page read in Vietnamese shows no internal identifier (step ids, unit type and level codes, template events, sign-in
/// names) and no English; read in English, none of the interface's Vietnamese. Names typed by people (procedures, units, applicants)
/// are data and stay as they were written.
/// </summary>
public sealed partial class When_pages_are_read_in_one_language
{
    private UiHost _host = null!;
    private Guid _dossier, _procedure;

    [OneTimeSetUp]
    public async Task Start()
    {
        _host = await UiHost.InstanceAsync();
        _dossier = await Journeys.ReceivedDossierAsync(_host, "Đặng Thị Ngôn Ngữ");
        _procedure = await Journeys.ProcedureAsync(_host);
    }

    /// <summary>Internal identifiers and English that leaked into Vietnamese pages before (issue 19), and their kin.</summary>
    [GeneratedRegex(@"\((receive|assign|process|appraise|approve|sign|return|archive|await-supplement)\)|\b(commune|province|department|district|one-stop-shop|Excellent|Good|Fair|Average|Weak|Required|Choose File|No file chosen|unknown step|missing role|dossier-received|supplement-requested|result-ready|rating-requested|official-message|in-app|email|sms|Submitted|Accepted|Running|Suspended|undefined|null|NaN)\b|\bys\.[a-z][a-z.-]*\b|\badmin\b")]
    private static partial Regex NotVietnamese();

    /// <summary>The interface's own Vietnamese words (not data), which an English page must not show.</summary>
    [GeneratedRegex(@"Vui lòng|Thủ tục hành chính|Tra cứu|Đăng nhập|Đăng xuất|Quay lại|Mức độ|Cấp thực hiện|Chọn tệp|Chưa chọn tệp|Thành phần hồ sơ|Thao tác được phép|Lịch sử xử lý|Hộp thư|Tiếp nhận hồ sơ tại|Xuất sắc|Loại đơn vị|Hình thức nộp|Ngày hẹn trả|Bắt buộc")]
    private static partial Regex NotEnglish();

    private IEnumerable<(string User, string[] Paths)> Walk() =>
    [
        ("", ["/", "/thu-tuc", $"/thu-tuc/{_procedure}", "/tra-cuu", "/hoi-dap", "/dang-nhap", "/dang-ky"]),
        ("an.nguyen@demo.example", ["/cong-dan/ho-so", "/gop-y", $"/cong-dan/nop-ho-so/{_procedure}"]),
        ("ys.clerk", ["/can-bo/hop-thu", "/can-bo/tiep-nhan", $"/can-bo/ho-so/{_dossier}"]),
        ("ys.economy.section-head", [$"/can-bo/ho-so/{_dossier}"]),
        ("admin", ["/quan-tri/quy-trinh", "/quan-tri/don-vi", "/quan-tri/mau-tin-nhan", "/quan-tri/lich", "/quan-tri/thu-tuc"]),
    ];

    private async Task<List<string>> WalkAsync(bool english, Regex forbidden)
    {
        var found = new List<string>();
        foreach (var (user, paths) in Walk())
        {
            var page = await Browser.NewPageAsync(_host);
            if (user.Length > 0) await page.SignInAsync(user);
            if (english) await page.ToEnglishAsync();
            foreach (var path in paths)
            {
                await page.OpenAsync(path);
                var text = await page.VisibleTextAsync();
                found.AddRange(forbidden.Matches(text).Select(m => $"{user} {path}: \"{m.Value}\" in …{Around(text, m.Index)}…"));
            }
            await page.Context.CloseAsync();
        }
        return found;
    }

    private static string Around(string text, int at) => text[Math.Max(0, at - 40)..Math.Min(text.Length, at + 40)].ReplaceLineEndings(" ");

    [Test]
    public async Task Should_show_no_internal_identifier_or_english_on_the_vietnamese_pages()
    {
        var found = await WalkAsync(english: false, NotVietnamese());
        found.ShouldBeEmpty(string.Join(Environment.NewLine, found));
    }

    [Test]
    public async Task Should_show_none_of_the_interfaces_vietnamese_on_the_english_pages()
    {
        var found = await WalkAsync(english: true, NotEnglish());
        found.ShouldBeEmpty(string.Join(Environment.NewLine, found));
    }

    [Test]
    public async Task Should_name_the_history_steps_by_title_and_the_procedure_level_in_words()
    {
        var head = await Browser.NewPageAsync(_host);
        await head.SignInAsync("ys.economy.section-head");
        await head.GoAsync($"/can-bo/ho-so/{_dossier}");
        var step = head.Locator("[data-testid=timeline] [data-testid=event-step]").First;
        var title = await step.InnerTextAsync();
        title.ShouldNotContain("receive");
        title.Trim().ShouldStartWith("(");
        await head.GoAsync($"/thu-tuc/{_procedure}");
        var level = await _host.Db(db => db.Procedures.Where(p => p.Id == _procedure).Select(p => p.Level).SingleAsync());
        // The level in words once the procedure has loaded (on a busy machine the page is live before its content is there).
        await head.Locator(".mud-main-content", new() { HasText = level == "commune" ? "Cấp xã" : "Cấp" }).WaitForAsync();
        (await head.Locator(".mud-main-content").InnerTextAsync()).ShouldNotContain("commune");
    }
}
