using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Procedures.Dossiers;

namespace Ui.Tests;

/// <summary>
/// The citizen chooses where to send (nothing chosen for them, full names on a 390-px phone), sends a PDF and a photo, and
/// lands on a confirmation with the submission number and what happens next. The clerk opens both scans in the dossier
/// page's viewer; officials of other units and other citizens get nothing. When the clerk receives it, the citizen's page
/// shows the dossier code at once, and the code tracks in lower case and without its dots.
/// </summary>
public sealed class When_a_citizen_sends_scans_that_officials_open
{
    private const string Citizen = "an.nguyen@demo.example", Phone = "0901000001";
    private UiHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await UiHost.InstanceAsync();

    private static async Task<IPage> PhoneAsync(UiHost host)
    {
        var page = await Browser.NewPageAsync(host, phone: true);
        await page.SetViewportSizeAsync(390, 844);
        return page;
    }

    [Test]
    public async Task Should_confirm_the_submission_show_the_scans_to_the_officials_taking_part_and_give_the_code_on_reception()
    {
        var procedure = await _host.Db(db => db.Procedures.Where(p => p.Code == "2.000720").Select(p => p.Id).SingleAsync());
        var shop = await _host.Db(db => db.Units.Where(u => u.Code == "001.01.31.H29").Select(u => u.Name).SingleAsync());

        // Nothing is chosen for the citizen; sending on without choosing says so.
        var citizen = await PhoneAsync(_host);
        await citizen.SignInAsync(Citizen);
        await citizen.GoAsync($"/cong-dan/nop-ho-so/{procedure}");
        (await citizen.Locator("[data-testid=submit-unit] input[type=radio]:checked").CountAsync()).ShouldBe(0);
        var files = citizen.Locator("[data-testid=submit-file]");
        var count = await files.CountAsync();
        await files.Nth(0).SetInputFilesAsync(new FilePayload { Name = "giay-de-nghi.pdf", MimeType = "application/pdf", Buffer = SampleScans.Pdf("Giay de nghi dang ky ho kinh doanh") });
        await citizen.Locator(".mud-chip", new() { HasText = "giay-de-nghi.pdf" }).WaitForAsync();
        await files.Nth(1).SetInputFilesAsync(new FilePayload { Name = "cccd.png", MimeType = "image/png", Buffer = SampleScans.Png() });
        await citizen.Locator(".mud-chip", new() { HasText = "cccd.png" }).WaitForAsync();
        for (var i = 2; i < count; i++)
        {
            await files.Nth(i).SetInputFilesAsync(new FilePayload { Name = $"giay-to-{i}.pdf", MimeType = "application/pdf", Buffer = SampleScans.Pdf($"Giay to {i}") });
            await citizen.Locator(".mud-chip", new() { HasText = $"giay-to-{i}.pdf" }).WaitForAsync();
        }
        await citizen.FillFieldAsync("applicant-name", "Nguyễn Văn An");
        await citizen.FillFieldAsync("applicant-phone", Phone);
        await citizen.Locator("[data-testid=submit-review]").ClickAsync();
        (await citizen.Locator("[data-testid=error]").InnerTextAsync()).ShouldContain("chọn nơi nộp hồ sơ");
        (await citizen.Locator("[data-testid=submit-summary]").CountAsync()).ShouldBe(0);

        // Every unit's full name is on screen at 390 px: wrapped, not cut off.
        var option = citizen.Locator("[data-testid=submit-unit]").GetByText(shop, new() { Exact = true });
        await Assertions.Expect(option).ToBeVisibleAsync();
        var cut = await citizen.Locator("[data-testid=submit-unit-option]").EvaluateAllAsync<int>(
            "labels => labels.filter(l => l.scrollWidth > l.clientWidth + 1 || l.getBoundingClientRect().right > window.innerWidth).length");
        cut.ShouldBe(0, "unit names overflow their line at 390 px");
        await citizen.ChooseUnitAsync(shop);
        await citizen.Locator("[data-testid=submit-review]").ClickAsync();
        await citizen.Locator("[data-testid=submit-summary]").WaitForAsync();
        (await citizen.Locator("[data-testid=submit-summary]").InnerTextAsync()).ShouldContain(shop);

        // The confirmation: the number to quote, where it went, by when it is checked, and that the code comes on reception.
        await citizen.Locator("[data-testid=submit-send]").ClickAsync();
        var id = await citizen.WaitForSubmissionSentAsync();
        var number = await citizen.Locator("[data-testid=submission-number]").InnerTextAsync();
        number.ShouldBe(Api.Ui.SubmissionReceipt.NumberOf(id));
        number.ShouldMatch("^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$");
        var next = await citizen.Locator("[data-testid=submission-next]").InnerTextAsync();
        next.ShouldContain(shop);
        next.ShouldMatch(@"chậm nhất đến \d{2}/\d{2}/\d{4} \d{2}:\d{2}");
        next.ShouldContain("mã hồ sơ");
        next.ShouldContain("ngày làm việc");
        (await citizen.Locator("[data-testid=submission-code]").InnerTextAsync()).ShouldContain("Được cấp khi");
        await citizen.ShotAsync("c1-citizen-confirmation");

        // The clerk of the receiving unit opens the PDF in the viewer (inline, this site only) and the photo as an image.
        var clerk = await Browser.NewPageAsync(_host);
        await clerk.SignInAsync("ys.clerk");
        await clerk.GoAsync($"/can-bo/ho-so/{id}");
        await clerk.Locator("[data-testid=scan-open]", new() { HasText = "giay-de-nghi.pdf" }).ClickAsync();
        var frame = clerk.Locator("[data-testid=scan-viewer] iframe[data-testid=scan-frame]");
        await frame.WaitForAsync();
        var pdfAddress = await frame.GetAttributeAsync("src");
        pdfAddress.ShouldStartWith($"/ui/tep/ho-so/{id}/");
        var pdf = await clerk.Context.APIRequest.GetAsync(pdfAddress!);
        pdf.Status.ShouldBe(200);
        pdf.Headers["content-type"].ShouldBe("application/pdf");
        pdf.Headers["content-disposition"].ShouldStartWith("inline");
        pdf.Headers["x-frame-options"].ShouldBe("SAMEORIGIN");
        pdf.Headers["content-security-policy"].ShouldContain("frame-ancestors 'self'");
        (await pdf.BodyAsync()).ShouldBe(SampleScans.Pdf("Giay de nghi dang ky ho kinh doanh"));
        await clerk.WaitForFunctionAsync($"() => [...document.querySelectorAll('iframe')].some(f => f.getAttribute('src') === '{pdfAddress}')");
        var download = await clerk.Context.APIRequest.GetAsync((await clerk.Locator("[data-testid=scan-download]").GetAttributeAsync("href"))!);
        download.Headers["content-disposition"].ShouldStartWith("attachment");
        await clerk.ShotAsync("c2-dossier-page-pdf-open");

        await clerk.Locator("[data-testid=scan-open]", new() { HasText = "cccd.png" }).ClickAsync();
        await clerk.Locator("[data-testid=scan-viewer] img[data-testid=scan-image]").WaitForAsync();
        await clerk.WaitForFunctionAsync("() => { const i = document.querySelector('img[data-testid=scan-image]'); return i && i.complete && i.naturalWidth === 120; }");
        (await clerk.Locator("[data-testid=scan-name]").InnerTextAsync()).ShouldBe("cccd.png");
        await clerk.ShotAsync("c3-dossier-page-scan-open");
        var imageAddress = await clerk.Locator("img[data-testid=scan-image]").GetAttributeAsync("src");
        await clerk.Locator("[data-testid=scan-close]").ClickAsync();
        await Assertions.Expect(clerk.Locator("[data-testid=scan-viewer]")).ToHaveCountAsync(0);

        // Refusals: an official of another district, another citizen, a citizen on the officials' address, no one signed in.
        var other = await Browser.NewPageAsync(_host);
        await other.SignInAsync("hy.clerk");
        var refused = await other.Context.APIRequest.GetAsync(pdfAddress!);
        refused.Status.ShouldBe(404);
        refused.Headers["content-type"].ShouldStartWith("application/problem+json");
        (await other.Context.APIRequest.GetAsync(imageAddress!)).Status.ShouldBe(404);
        var citizenB = await Browser.NewPageAsync(_host);
        await citizenB.SignInAsync("0901000002");
        var attachment = pdfAddress!.Split('/')[^1];
        (await citizenB.Context.APIRequest.GetAsync($"/ui/tep/cong-dan/{id}/{attachment}")).Status.ShouldBe(404);
        (await citizenB.Context.APIRequest.GetAsync(pdfAddress)).Status.ShouldBe(403);
        var anonymous = await Browser.NewPageAsync(_host);
        (await anonymous.Context.APIRequest.GetAsync(pdfAddress, new() { MaxRedirects = 0 })).Status.ShouldBe(401);
        (await anonymous.Context.APIRequest.GetAsync($"/ui/tep/cong-dan/{id}/{attachment}", new() { MaxRedirects = 0 })).Status.ShouldBe(401);
        // A file of another dossier through this dossier's address is not served either.
        var elsewhere = await _host.Db(db => db.Dossiers.Where(d => d.Id != id && d.Code != null).Select(d => d.Id).FirstAsync());
        (await clerk.Context.APIRequest.GetAsync($"/ui/tep/ho-so/{elsewhere}/{attachment}")).Status.ShouldBe(404);

        // The citizen opens their own scan from their dossier page.
        await citizen.GoAsync($"/cong-dan/ho-so/{id}");
        await citizen.Locator("[data-testid=my-files] [data-testid=scan-open]", new() { HasText = "cccd.png" }).ClickAsync();
        await citizen.WaitForFunctionAsync("() => { const i = document.querySelector('img[data-testid=scan-image]'); return i && i.complete && i.naturalWidth === 120; }");
        (await citizen.Locator("img[data-testid=scan-image]").GetAttributeAsync("src")).ShouldBe($"/ui/tep/cong-dan/{id}/{imageAddress!.Split('/')[^1]}");
        (await citizen.Locator("[data-testid=my-dossier-code]").InnerTextAsync()).ShouldBe("(chưa tiếp nhận)");

        // The clerk receives it: the citizen's open page shows the code without reloading, and the bell counts the notice.
        await clerk.RunActionAsync("receive-online");
        var code = await _host.DossierCodeAsync(id);
        await Assertions.Expect(citizen.Locator("[data-testid=my-dossier-code]")).ToHaveTextAsync(code, new() { Timeout = 30_000 });
        await citizen.GoAsync("/cong-dan/ho-so");
        (await citizen.Locator("[data-testid=my-dossier]", new() { HasText = code }).CountAsync()).ShouldBe(1);

        // Tracking takes the code as typed from an SMS: lower case, without the dots.
        var tracking = await PhoneAsync(_host);
        await tracking.GoAsync("/tra-cuu");
        await tracking.FillFieldAsync("track-code", code.Replace(".", "", StringComparison.Ordinal).ToLowerInvariant());
        await tracking.FillFieldAsync("track-factor", Phone[^4..]);
        await tracking.Locator("[data-testid=track-submit]").ClickAsync();
        var status = await _host.Db(db => db.Dossiers.Where(d => d.Id == id).Select(d => d.Status).SingleAsync());
        (await tracking.Locator("[data-testid=tracking-status]").InnerTextAsync()).ShouldBe(status.Vietnamese());
        (await tracking.Locator("[data-testid=tracking-result] h2").InnerTextAsync()).ShouldBe(code);
    }
}
