using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Procedures.Dossiers;

namespace Ui.Tests;

/// <summary>
/// The receipt (Form 01) printed from the dossier page: the print dialog opens on the PDF in the page (no blank tab, no
/// download), its QR code opens the tracking page at the address the clerk's browser used (no PublicBaseUrl is set in
/// these tests), and the forms list offers only the forms that apply. Also the small things of every page: the favicon,
/// the reports page opening on the current period.
/// </summary>
public sealed class When_a_receipt_is_printed
{
    private UiHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await UiHost.InstanceAsync();

    /// <summary>A sample dossier of Yên Sơn's one-stop shop in processing: received, never asked for a supplement, refused or apologised for.</summary>
    private Task<(Guid Id, string Code)> ProcessingDossierAsync() => _host.Db(async db =>
    {
        var shop = await db.Units.Where(u => u.Code == "001.01.31.H29").Select(u => u.Id).SingleAsync();
        var asked = db.DossierEvents.Where(e => e.Kind == "SupplementRequested").Select(e => e.DossierId);
        var d = await db.Dossiers.Where(d => d.ReceivingUnitId == shop && d.Status == DossierStatus.Processing && d.Code != null
                && d.ApologyAt == null && d.ClockStartedAt != null && !asked.Contains(d.Id))
            .OrderBy(d => d.Code).Select(d => new { d.Id, d.Code }).FirstAsync();
        return (d.Id, d.Code!);
    });

    [Test]
    public async Task Should_print_through_the_dialog_on_the_page_and_list_only_the_forms_that_apply()
    {
        var (id, _) = await ProcessingDossierAsync();
        var clerk = await Browser.NewPageAsync(_host);
        await clerk.SignInAsync("ys.clerk");
        await clerk.GoAsync($"/can-bo/ho-so/{id}");
        // The list of forms is drawn with the rest of the dossier page: count only once it is there.
        await clerk.Locator("[data-testid=form-01]").WaitForAsync();
        await clerk.Locator("[data-testid=form-05]").WaitForAsync();

        foreach (var form in new[] { "02", "03", "04" })
            (await clerk.Locator($"[data-testid=form-{form}]").CountAsync()).ShouldBe(0, $"Form {form} does not apply to a dossier in processing");
        (await clerk.Locator("[data-testid=form-01]").CountAsync()).ShouldBe(1);
        (await clerk.Locator("[data-testid=form-05]").CountAsync()).ShouldBe(1);

        var downloads = 0;
        clerk.Download += (_, _) => downloads++;
        var pagesBefore = clerk.Context.Pages.Count;
        var printed = clerk.WaitForResponseAsync(r => r.Url.EndsWith($"/ui/ho-so/{id}/mau/01", StringComparison.Ordinal));
        await clerk.Locator("[data-testid=form-01] [data-testid=form-print]").ClickAsync();
        var response = await printed;
        response.Status.ShouldBe(200);
        (await response.AllHeadersAsync())["content-disposition"].ShouldStartWith("inline");
        (await response.AllHeadersAsync())["x-frame-options"].ShouldBe("SAMEORIGIN");
        await clerk.WaitForFunctionAsync("() => document.getElementById('print-frame')?.dataset.printed === 'true'");
        (await clerk.Locator("#print-frame").GetAttributeAsync("src")).ShouldBe($"/ui/ho-so/{id}/mau/01");
        clerk.Context.Pages.Count.ShouldBe(pagesBefore, "no blank tab");
        downloads.ShouldBe(0);
    }

    [Test]
    public async Task Should_put_the_address_the_clerk_used_in_the_receipts_qr_code()
    {
        var (id, code) = await ProcessingDossierAsync();
        // The same app under another name than the tests' 127.0.0.1: the QR code follows the address used.
        var other = new Uri($"http://localhost:{_host.Address.Port}/");
        var clerk = await Browser.NewPageAsync(_host, baseAddress: other);
        await clerk.SignInAsync("ys.clerk");
        var receipt = await clerk.Context.APIRequest.GetAsync($"/ui/ho-so/{id}/mau/01");
        receipt.Status.ShouldBe(200);
        var pdf = Path.Combine(Path.GetTempPath(), $"receipt-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(pdf, await receipt.BodyAsync());
        try
        {
            Run("pdftoppm", "-r", "200", "-png", "-singlefile", pdf, pdf);
            var scanned = Run("zbarimg", "--raw", "-q", pdf + ".png").Trim();
            scanned.ShouldBe($"http://localhost:{_host.Address.Port}/tra-cuu?ma-ho-so={Uri.EscapeDataString(code)}");
            scanned.ShouldNotContain("5080");

            // The QR code's address opens the tracking page with the code filled in.
            await clerk.GotoAsync(scanned);
            await clerk.WaitForLiveAsync();
            (await clerk.FieldValueAsync("track-code")).ShouldBe(code);
        }
        finally
        {
            File.Delete(pdf);
            File.Delete(pdf + ".png");
        }
    }

    [Test]
    public async Task Should_serve_a_favicon_that_every_page_names()
    {
        var page = await Browser.NewPageAsync(_host);
        await page.GoAsync("/");
        var href = await page.Locator("head link[rel=icon]").GetAttributeAsync("href");
        href.ShouldNotBeNull();
        foreach (var address in new[] { "/favicon.ico", "/" + href!.TrimStart('/') })
        {
            var icon = await page.Context.APIRequest.GetAsync(address);
            icon.Status.ShouldBe(200, address);
            icon.Headers["content-type"].ShouldBeOneOf("image/x-icon", "image/vnd.microsoft.icon");
            (await icon.BodyAsync()).Take(4).ShouldBe(new byte[] { 0, 0, 1, 0 });
        }
    }

    [Test]
    public async Task Should_open_the_reports_on_the_period_being_written()
    {
        var today = Procedures.Statistics.Slices.LocalDate(DateTimeOffset.UtcNow);
        var current = new Procedures.Reports.ReportCalendarSettings().Current(today);
        var leader = await Browser.NewPageAsync(_host);
        await leader.SignInAsync("ys.leader");
        await leader.GoAsync("/can-bo/bao-cao");
        // The page picks its period while it loads; wait until the year is set.
        await leader.WaitForFunctionAsync("""
            () => { const f = document.querySelector('[data-testid=report-year]');
                    const i = f && (f.tagName === 'INPUT' ? f : f.querySelector('input'));
                    return i && i.value !== '' && i.value !== '0'; }
            """);

        (await leader.FieldValueAsync("report-year")).ShouldBe(current.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The select shows its value as text (its input is hidden): "Loại báo cáo" then the kind.
        var kind = (await leader.Locator("[data-testid=report-kind]").First.InnerTextAsync()).Replace("Loại báo cáo", "", StringComparison.Ordinal).Trim();
        kind.ShouldBeOneOf(current.Kind == Procedures.Reports.ReportKind.Year ? ["Năm", "Year"] : ["6 tháng", "HalfYear"]);
    }

    private static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"{tool}: {error}");
        return output;
    }
}
